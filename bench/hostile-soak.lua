-- wrk script for bench/hostile-soak.sh: the hostile calls, one kind per thread (run with -t5 -c5), each signed with a
-- fresh token from SOAK_HOSTILE/hostile-<kind>.txt and paced by SOAK_HOSTILE_DELAY_MS:
--   bomb, drip, huge: a patient-view without prefetch whose fhirServer is bench/HostileServers.java's gzip bomb,
--     dripping response or 70,000-entry page (expected: 412, within the fetch deadline);
--   jwks-known: the dripping issuer's published kid (its keys are cached: expected 200, also while a refetch drips);
--   jwks-unknown: a kid that issuer never published (each may trigger a refetch that drips: expected 401).
local dir = assert(os.getenv("SOAK_HOSTILE"), "SOAK_HOSTILE: the folder bench/HostileServers.java wrote")
local pause = tonumber(os.getenv("SOAK_HOSTILE_DELAY_MS") or "200")
local names = { "bomb", "drip", "huge", "jwks-known", "jwks-unknown" }

local function read(path)
  local f = assert(io.open(path, "r"))
  local s = f:read("*a")
  f:close()
  return s
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  kind = names[(id - 1) % #names + 1]
  local body_file = kind:match("^jwks") and "examples/patient-view-candidate.json" or (dir .. "/hostile-" .. kind .. ".json")
  body = read(body_file)
  tokens = {}
  for line in io.lines(dir .. "/hostile-" .. kind .. ".txt") do tokens[#tokens + 1] = line end
  next_token = 1
  counts = {}
end

function delay()
  return pause
end

function request()
  local token = tokens[next_token] or tokens[#tokens]
  next_token = next_token + 1
  return wrk.format("POST", "/cds-services/ketamine-tms-screening",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local kind = names[(thread:get("id") - 1) % #names + 1]
    for status, n in pairs(thread:get("counts")) do
      io.write(string.format("HOSTILE %s %d %d\n", kind, status, n))
    end
  end
  io.write(string.format("HOSTILE_SUMMARY requests=%d p50_ms=%.0f max_ms=%.0f timeouts=%d other_socket_errors=%d\n",
    summary.requests, latency:percentile(50) / 1000, latency.max / 1000, summary.errors.timeout,
    summary.errors.connect + summary.errors.read + summary.errors.write))
end
