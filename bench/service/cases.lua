-- wrk script: POST /v1/cases, each with a new requestId, so every request makes a durable case.
-- Environment: PUMPAUTH_KEY (a submitter key), REQUEST (a request file), RUN (a prefix for requestIds).
local file = os.getenv("REQUEST") or "examples/nia-implant-pain-missing-psych.json"
local f = assert(io.open(file, "r"))
local template = f:read("*a")
f:close()
local key = assert(os.getenv("PUMPAUTH_KEY"), "set PUMPAUTH_KEY")
local run = os.getenv("RUN") or tostring(os.time())
-- LIMIT, DONE: after LIMIT answers this wrk thread stops sending and creates the file DONE-<thread>
-- (run.sh's count-based warm-up waits for those files, then ends wrk).
local limit = tonumber(os.getenv("LIMIT") or "0")
local done = os.getenv("DONE")
local answered = 0

local threads = {}
local counter = 0
local prefix = ""
local unexpected = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = run .. "-" .. id .. "-"
end

function request()
  counter = counter + 1
  local body = template:gsub('"requestId"%s*:%s*"[^"]*"', '"requestId": "' .. prefix .. counter .. '"', 1)
  return wrk.format("POST", "/v1/cases",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end

function response(status, headers, body)
  answered = answered + 1
  if limit > 0 and answered == limit then
    if done then
      local f = io.open(done .. "-" .. id, "w")
      if f then f:close() end
    end
    wrk.thread:stop()
  end
  if status ~= 201 then
    unexpected = unexpected + 1
    if unexpected <= 3 then
      io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 200) .. "\n")
    end
  end
end
