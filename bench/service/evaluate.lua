-- wrk script: POST /v1/evaluate with one request (nothing is stored, so it may repeat).
-- Environment: PUMPAUTH_KEY (any role), REQUEST (a request file; default the chronic-pain example).
local file = os.getenv("REQUEST") or "examples/nia-implant-chronic-pain.json"
local f = assert(io.open(file, "r"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.path = "/v1/evaluate"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("PUMPAUTH_KEY"), "set PUMPAUTH_KEY")

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
