-- wrk script: POST /cds-services/order-sign with one hook request (nothing is stored, so it may repeat).
-- Environment: PUMPAUTH_KEY (any role), HOOK (a hook request file; default fhir/examples/crd-order-sign.json).
local file = os.getenv("HOOK") or "fhir/examples/crd-order-sign.json"
local f = assert(io.open(file, "r"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.path = "/cds-services/order-sign"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("PUMPAUTH_KEY"), "set PUMPAUTH_KEY")

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
