#!/usr/bin/env bash
# Three replicas of `moderate serve` on loopback behind HAProxy (deploy/haproxy.cfg), under load
# (wrk, deploy/load.lua, 32 connections) for SECONDS, while:
#   - every second, each replica is asked to reload its policy (POST /admin/reload);
#   - at a third of the run a rule file changes, and again at two thirds;
#   - at 40% one replica is killed (SIGKILL) and started again 3 s later.
# Passes (exit 0) when wrk saw no failed request (no socket error, no answer but 200) and every
# replica ends on the policy version of the last change.
#
#   bash tools/scale-out.sh [SECONDS] [BINARY]      (default: 60, target/release/moderate)
#
# Needs haproxy and wrk (Debian packages); installs them with apt-get where it can.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TOTAL=${1:-60}
BINARY=${2:-target/release/moderate}
BASE_PORT=${SCALE_OUT_PORT:-18100}
TOKEN=scale-out-$$

for tool in haproxy wrk curl; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
            (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy wrk curl >/dev/null)
        fi
    fi
    command -v "$tool" >/dev/null 2>&1 || { echo "scale-out: $tool is not installed" >&2; exit 2; }
done
[ -x "$BINARY" ] || { echo "scale-out: no $BINARY (cargo build --release)" >&2; exit 2; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

cp -r rules "$WORK/rules"
port_of() { echo $((BASE_PORT + $1)); }

start_replica() {
    local i=$1
    MODERATE_ADMIN_TOKEN=$TOKEN "$BINARY" serve --addr "127.0.0.1:$(port_of "$i")" --workers 1 --judges 1 \
        --rules "$WORK/rules" >>"$WORK/replica-$i.log" 2>&1 &
    PIDS[$i]=$!
}

wait_healthy() {
    local port=$1
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "scale-out: nothing answers on port $port" >&2
    return 1
}

version_of() { curl -fsS "http://127.0.0.1:$1/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["policy"]["version"])'; }

for i in 1 2 3; do start_replica "$i"; done
for i in 1 2 3; do wait_healthy "$(port_of "$i")"; done
INITIAL=$(version_of "$(port_of 1)")

SERVERS=""
for i in 1 2 3; do SERVERS+="    server replica$i 127.0.0.1:$(port_of "$i") check"$'\n'; done
python3 - "$WORK/haproxy.cfg" "127.0.0.1:$BASE_PORT" "$SERVERS" <<'PY'
import sys
out, listen, servers = sys.argv[1:]
text = open("deploy/haproxy.cfg").read().replace("@@LISTEN@@", listen).replace("@@SERVERS@@", servers.rstrip("\n"))
open(out, "w").write(text)
PY
haproxy -c -q -f "$WORK/haproxy.cfg"
haproxy -D -f "$WORK/haproxy.cfg" -p "$WORK/haproxy.pid"
wait_healthy "$BASE_PORT"
sleep 1.5 # the first health checks

echo "scale-out: 3 replicas on ports $(port_of 1)-$(port_of 3) behind HAProxy on $BASE_PORT, policy $INITIAL; load for ${SECONDS_TOTAL}s"
wrk -t2 -c32 -d"${SECONDS_TOTAL}s" --timeout 5s -s deploy/load.lua "http://127.0.0.1:$BASE_PORT/moderate" >"$WORK/wrk.txt" 2>&1 &
WRK=$!

RELOADS=0; RELOAD_FAILURES=0; CHANGES=0
KILL_AT=$((SECONDS_TOTAL * 40 / 100)); RESTART_AT=$((KILL_AT + 3))
for t in $(seq 1 "$SECONDS_TOTAL"); do
    sleep 1
    if [ "$t" = $((SECONDS_TOTAL / 3)) ] || [ "$t" = $((SECONDS_TOTAL * 2 / 3)) ]; then
        CHANGES=$((CHANGES + 1))
        sed -i "s/^description = \"/description = \"[change $CHANGES] /" "$WORK/rules/all-caps.toml"
        echo "scale-out: ${t}s: rules changed ($CHANGES)"
    fi
    if [ "$t" = "$KILL_AT" ]; then
        kill -9 "${PIDS[2]}"; echo "scale-out: ${t}s: replica 2 killed"
    fi
    if [ "$t" = "$RESTART_AT" ]; then
        start_replica 2; echo "scale-out: ${t}s: replica 2 started again"
    fi
    for i in 1 2 3; do
        if [ "$i" = 2 ] && [ "$t" -ge "$KILL_AT" ] && [ "$t" -lt $((RESTART_AT + 2)) ]; then continue; fi
        RELOADS=$((RELOADS + 1))
        if ! curl -fsS -m 5 -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$(port_of "$i")/admin/reload" >/dev/null 2>&1; then
            RELOAD_FAILURES=$((RELOAD_FAILURES + 1))
        fi
    done
done
wait "$WRK" || true

# The last reloads: every replica on the files as they are now.
for i in 1 2 3; do
    curl -fsS -m 10 -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$(port_of "$i")/admin/reload" >/dev/null
done
EXPECTED=$(MODERATE_RULES="$WORK/rules" "$BINARY" rules --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["policy"]["version"])' 2>/dev/null || true)
RESULT=$(grep '^WRK_RESULT ' "$WORK/wrk.txt" | sed 's/^WRK_RESULT //')
if [ -z "$RESULT" ]; then cat "$WORK/wrk.txt" >&2; echo "scale-out: wrk gave no result" >&2; exit 1; fi

ok=1
VERSIONS=""
for i in 1 2 3; do
    v=$(version_of "$(port_of "$i")")
    VERSIONS+="$v "
    [ "$v" != "$INITIAL" ] || ok=0
    [ -z "$EXPECTED" ] || [ "$v" = "$EXPECTED" ] || ok=0
done
[ "$(echo "$VERSIONS" | tr ' ' '\n' | sort -u | grep -c .)" = 1 ] || ok=0
FAILED=$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r["connect"]+r["read"]+r["write"]+r["status"]+r["timeout"])' "$RESULT")
[ "$FAILED" = 0 ] || ok=0
[ "$RELOAD_FAILURES" = 0 ] || ok=0

echo "scale-out: wrk: $RESULT"
echo "scale-out: failed requests: $FAILED; reloads asked: $RELOADS, failed: $RELOAD_FAILURES; policy changes: $CHANGES"
echo "scale-out: versions: initial $INITIAL, replicas now: $VERSIONS"
if [ "$ok" = 1 ]; then
    echo "scale-out: PASS"
else
    echo "scale-out: FAIL" >&2
    for i in 1 2 3; do echo "--- replica $i log (tail)"; tail -5 "$WORK/replica-$i.log"; done >&2
    exit 1
fi
