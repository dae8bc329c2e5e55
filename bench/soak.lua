-- wrk script for bench/soak.sh: rotates over valid and invalid CDS Hooks calls and counts responses by status per
-- kind. Run with as many connections as threads (-tN -cN): each thread then has one connection, so responses
-- arrive in the order of its requests and every response can be matched to its kind.
local function read(path)
  local f = assert(io.open(path, "r"))
  local s = f:read("*a")
  f:close()
  return s
end

local pv = read("examples/patient-view-candidate.json")
local os_body = read("examples/order-sign-ketamine.json")
local padding = string.rep("x", tonumber(os.getenv("SOAK_OVERSIZE_BYTES") or "300000"))
local json = { ["Content-Type"] = "application/json" }

-- bench/hostile-soak.sh runs the service with trusted issuers: SOAK_TOKENS names a folder of signed tokens with
-- fresh jtis, normal-<thread>.txt, one line per request; SOAK_DELAY_MS paces each connection so that they last the run
local token_dir = os.getenv("SOAK_TOKENS")
local delay_ms = tonumber(os.getenv("SOAK_DELAY_MS") or "")
if delay_ms then
  function delay() return delay_ms end
end

local function format(method, path, headers, body)
  if token_dir and tokens then
    local signed = { ["Authorization"] = "Bearer " .. (tokens[next_token] or tokens[#tokens]) }
    next_token = next_token + 1
    for k, v in pairs(headers) do signed[k] = v end
    headers = signed
  end
  return wrk.format(method, path, headers, body)
end

local function uuid()
  local t = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (t:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

local kinds = {
  { "patient-view", function() return format("POST", "/cds-services/ketamine-tms-screening", json, pv) end },
  { "order-sign", function() return format("POST", "/cds-services/ketamine-tms-order-sign", json, os_body) end },
  { "feedback", function()
      -- feedback is accepted only for a card the service issued: the card of this thread's last patient-view answer
      -- (the kind before this one), accepted at the time of posting
      local body = '{"feedback":[{"card":"' .. (last_card or uuid()) .. '","outcome":"accepted",'
        .. '"outcomeTimestamp":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ") .. '"}]}'
      return format("POST", "/cds-services/ketamine-tms-screening/feedback", json, body) end },
  { "malformed-json", function()
      return format("POST", "/cds-services/ketamine-tms-screening", json, '{"hook":"patient-view",') end },
  { "wrong-content-type", function()
      return format("POST", "/cds-services/ketamine-tms-screening", { ["Content-Type"] = "text/plain" }, pv) end },
  { "unknown-service", function()
      return format("POST", "/cds-services/no-such-service", json, pv) end },
  { "missing-context", function()
      return format("POST", "/cds-services/ketamine-tms-screening", json,
        (pv:gsub('"patientId"%s*:%s*"[^"]*"%s*,?', ""))) end },
  { "wrong-hook", function()
      return format("POST", "/cds-services/ketamine-tms-screening", json, os_body) end },
  { "oversized", function()
      return format("POST", "/cds-services/ketamine-tms-screening", json,
        pv:gsub("^{", '{"padding":"' .. padding .. '",', 1)) end },
}

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  next_kind = 0
  pending = {}
  counts = {}
  -- wrk calls request() once on the first thread's state to check it; that request is never sent
  unsent = (id == 1)
  if token_dir then
    tokens = {}
    for line in io.lines(token_dir .. "/normal-" .. id .. ".txt") do tokens[#tokens + 1] = line end
    next_token = 1
  end
end

function request()
  if unsent then
    unsent = false
    return kinds[1][2]()
  end
  next_kind = next_kind % #kinds + 1
  table.insert(pending, next_kind)
  return kinds[next_kind][2]()
end

function response(status, headers, body)
  local kind = kinds[table.remove(pending, 1)][1]
  if kind == "patient-view" and status == 200 then
    last_card = body:match('"uuid":"([0-9a-f-]+)"')
  end
  local key = kind .. " " .. status
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("counts")) do
      total[key] = (total[key] or 0) + n
    end
  end
  local keys = {}
  for key in pairs(total) do table.insert(keys, key) end
  table.sort(keys)
  for _, key in ipairs(keys) do
    io.write(string.format("COUNT %s %d\n", key, total[key]))
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("SUMMARY requests=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.0f socket_errors=%d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6), errors))
end
