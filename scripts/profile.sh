#!/usr/bin/env bash
# Records a CPU profile of the server under load and writes a flame graph you can open in a browser
# (speedscope format: drop the file on https://www.speedscope.app or open it with `npx speedscope FILE`).
#
#   scripts/profile.sh                    # redis-benchmark SET/GET, unpipelined, 10 s
#   PIPELINE=16 DURATION=15 scripts/profile.sh
#   CLIENTS=50 CLEAN_ARGS="--io-model event-loop" scripts/profile.sh   # the event loop under 50 clients
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
PIPELINE=${PIPELINE:-1}
CLIENTS=${CLIENTS:-1}
CLEAN_ARGS=${CLEAN_ARGS:-}
PORT=${PORT:-6499}
OUT=${OUT:-artifacts/profile}
mkdir -p "$OUT"

command -v redis-benchmark >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-tools >/dev/null; }
dotnet tool restore >/dev/null
dotnet build Redis.Server -c Release -v q -nologo >/dev/null

dotnet Redis.Server/bin/Release/net10.0/Redis.Server.dll --port "$PORT" $CLEAN_ARGS >"$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; kill $load 2>/dev/null || true' EXIT
for _ in $(seq 100); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

# Load (CLIENTS connections) for longer than the trace, so the whole trace sees a busy server.
redis-benchmark -p "$PORT" -c "$CLIENTS" -P "$PIPELINE" -t set,get -n 100000000 -q >/dev/null 2>&1 &
load=$!
sleep 1

dotnet dotnet-trace collect -p "$server" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf '%02d' "$DURATION")" \
  --format speedscope -o "$OUT/server.nettrace" >"$OUT/trace.log" 2>&1

echo "Flame graph (speedscope): $(pwd)/$OUT/server.speedscope.json"
echo "Raw trace (PerfView, Visual Studio): $(pwd)/$OUT/server.nettrace"
