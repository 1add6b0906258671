-- wrk script: POST /moderate with a few real-looking comments in turn (tools/scale-out.sh,
-- BENCHMARKS.md). Any answer but 200 counts as a failure in wrk's "Non-2xx" line.
local comments = {
  '{"text":"Bu haber çok güzel olmuş, emeğinize sağlık.","id":"a"}',
  '{"text":"cok guzel bir haber olmus tesekkurler","id":"b"}',
  '{"text":"BU NE BİÇİM HABER, HERKES YALAN SÖYLÜYOR","id":"c"}',
  '{"text":"slm nbr bu haberi okudum ama bisey anlamadm yaw","id":"d"}',
  '{"text":"Senin gibi aptal bir adamın yorum yapması bile rezalet","id":"e"}',
  '{"text":"Bakan, muhalefet liderine şerefsiz dedi; açıklama tepki çekti.","id":"f"}',
  '{"text":"This is the worst article I have ever read","id":"g"}',
  '{"text":"Ekonomideki gelişmeler hakkında daha fazla haber bekliyoruz, özellikle enflasyon konusunda.","id":"h"}',
}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, comments[(n % #comments) + 1])
end

-- One machine-readable line for the scripts: requests, errors by kind (status = answers that were
-- not 2xx/3xx), latency percentiles in milliseconds.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"seconds":%.2f,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
