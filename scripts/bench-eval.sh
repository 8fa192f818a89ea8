#!/usr/bin/env bash
# EVAL and EVALSHA side by side: RedisClean (event loop) and redis-server, redis-benchmark's defaults (50 clients,
# unpipelined), ROUNDS alternating rounds after a warm-up, the issue's script:
#   EVAL "return redis.call('SET', KEYS[1], ARGV[1])" 1 k v, and the same by EVALSHA.
# Usage: ROUNDS=3 scripts/bench-eval.sh [REQUESTS]   (default 100000). Writes into artifacts/eval/.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-100000}
ROUNDS=${ROUNDS:-3}
ARTIFACTS=artifacts/eval
source scripts/servers.sh
declare -A SHA
S="return redis.call('SET', KEYS[1], ARGV[1])"

rps() { # port, command...
  local port=$1; shift
  redis-benchmark -p "$port" -n "$REQUESTS" --csv "$@" 2>/dev/null | awk -F'","' 'NR == 2 {gsub(/"/, "", $2); print $2}'
}

start RedisClean-event-loop
start redis-server
for name in RedisClean-event-loop redis-server; do
  SHA[$name]=$(redis-cli -p "${PORT[$name]}" script load "$S")
  redis-benchmark -p "${PORT[$name]}" -n 30000 -q EVAL "$S" 1 k v >/dev/null
done

echo "| round | EVAL RedisClean | EVAL redis-server | ratio | EVALSHA RedisClean | EVALSHA redis-server | ratio |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq "$ROUNDS"); do
  a=$(rps "${PORT[RedisClean-event-loop]}" EVAL "$S" 1 k v); b=$(rps "${PORT[redis-server]}" EVAL "$S" 1 k v)
  c=$(rps "${PORT[RedisClean-event-loop]}" EVALSHA "${SHA[RedisClean-event-loop]}" 1 k v); d=$(rps "${PORT[redis-server]}" EVALSHA "${SHA[redis-server]}" 1 k v)
  echo "| $round | $a | $b | $(echo "scale=2; $a / $b" | bc) | $c | $d | $(echo "scale=2; $c / $d" | bc) |"
done
