#!/usr/bin/env bash
# The server's figures for BENCHMARKS.md, in one run on one server (release build, default
# settings): start-up time to the first /health answer and resident memory then; wrk at 32
# connections against GET /health and POST /moderate (deploy/load.lua) for SECONDS each; resident
# memory after a million comments (1,000 batches of 1,000 tweets through POST /moderate/batch).
#
#   bash tools/bench-server.sh [SECONDS] [BINARY]     (default 20, target/release/moderate)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
BINARY=${2:-target/release/moderate}
PORT=${BENCH_PORT:-18200}
command -v wrk >/dev/null || { echo "bench-server: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$1/status"; }

started=$(date +%s.%N)
"$BINARY" serve --addr "127.0.0.1:$PORT" 2>/tmp/bench-server.log &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do sleep 0.01; done
ready=$(date +%s.%N)
echo "start-up: $(python3 -c "print(f'{$ready - $started:.2f} s')") to the first /health answer; resident $(rss $PID)"

cat > /tmp/bench-health.lua <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"seconds":%.2f,"errors":%d,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
for target in health moderate; do
    if [ "$target" = health ]; then script=/tmp/bench-health.lua; else script=deploy/load.lua; fi
    line=$(wrk -t2 -c32 -d"${SECONDS_EACH}s" --latency -s "$script" "http://127.0.0.1:$PORT/$target" | grep '^WRK_RESULT' | sed 's/^WRK_RESULT //')
    python3 -c "
import json,sys
r=json.loads(sys.argv[2])
print(f\"wrk -c32 {sys.argv[1]:9s}: {r['requests']/r['seconds']:8.0f} req/s, p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms, max {r['max_ms']:.1f} ms, errors {r.get('errors', sum(r.get(k,0) for k in ('connect','read','write','status','timeout')))}\")
" "/$target" "$line"
done
echo "resident after wrk: $(rss $PID)"

python3 - "$PORT" <<'PY'
import http.client, json, sys, time
port = int(sys.argv[1])
tweets = [l.split("\t")[1] for l in open("../shared/data/offenseval-tr/train.tsv", encoding="utf-8").read().splitlines()[1:] if "\t" in l]
conn = http.client.HTTPConnection("127.0.0.1", port)
started = time.time()
judged = 0
for batch in range(1000):
    start = (batch * 1000) % (len(tweets) - 1000)
    body = json.dumps({"comments": [{"text": t} for t in tweets[start:start + 1000]]})
    conn.request("POST", "/moderate/batch", body, {"Content-Type": "application/json"})
    answer = conn.getresponse()
    data = answer.read()
    if answer.status != 200:
        raise SystemExit(f"batch {batch}: {answer.status} {data[:200]!r}")
    judged += 1000
print(f"a million comments: {judged} judged in {time.time() - started:.0f} s ({judged / (time.time() - started):.0f}/s through the batch endpoint)")
PY
echo "resident after a million comments: $(rss $PID)"
