-- wrk script: POST the JSON body in $BODY_FILE; print p50/p99/throughput in one parsable line.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.body = f:read("*a")
f:close()

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f rps=%.0f non2xx=%d socket_errors=%d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6), summary.errors.status, errors))
end
