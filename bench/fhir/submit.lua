-- wrk script: POST /fhir/Claim/$submit with the shipped PAS bundle, its Claim's identifier made new for each
-- request, so every request makes a durable case (as bench/service/cases.lua does for POST /v1/cases).
-- Environment: PUMPAUTH_KEY (a submitter key), BUNDLE (default fhir/examples/pas-trial-chronic-pain.json),
-- RUN (a prefix for the identifiers; a new one for each load on one database).
local file = os.getenv("BUNDLE") or "fhir/examples/pas-trial-chronic-pain.json"
local f = assert(io.open(file, "r"))
local template = f:read("*a")
f:close()
local key = assert(os.getenv("PUMPAUTH_KEY"), "set PUMPAUTH_KEY")
local run = os.getenv("RUN") or tostring(os.time())
assert(template:find('"value": "EX-NIA-TRIAL-PAIN-1"', 1, true), "the bundle's Claim identifier is not EX-NIA-TRIAL-PAIN-1")

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
  local body = template:gsub('"value": "EX%-NIA%-TRIAL%-PAIN%-1"', '"value": "' .. prefix .. counter .. '"', 1)
  return wrk.format("POST", "/fhir/Claim/$submit",
    {["Content-Type"] = "application/fhir+json", ["Authorization"] = "Bearer " .. key}, body)
end

function response(status, headers, body)
  if status ~= 200 then
    unexpected = unexpected + 1
    if unexpected <= 3 then
      io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 200) .. "\n")
    end
  end
end
