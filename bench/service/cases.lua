-- wrk script: POST /v1/cases, each with a new requestId, so every request makes a durable case.
-- Environment: PUMPAUTH_KEY (a submitter key), REQUEST (a request file), RUN (a prefix for requestIds).
local file = os.getenv("REQUEST") or "examples/nia-implant-pain-missing-psych.json"
local f = assert(io.open(file, "r"))
local template = f:read("*a")
f:close()
local key = assert(os.getenv("PUMPAUTH_KEY"), "set PUMPAUTH_KEY")
local run = os.getenv("RUN") or tostring(os.time())

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
  if status ~= 201 then
    unexpected = unexpected + 1
    if unexpected <= 3 then
      io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 200) .. "\n")
    end
  end
end
