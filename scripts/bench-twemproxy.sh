#!/usr/bin/env bash
# Throughput through twemproxy (nutcracker): redis-benchmark -t set,get -c 50, unpipelined and -P 16, against
#   nutcracker over 3 RedisClean (blocking transport), the same with --busy-poll-us 0 (no spin before a blocking
#   read, ADR 0009), nutcracker over 3 RedisClean (event loop), nutcracker over 3 redis-server, each pool started by
#   scripts/twemproxy.sh (the same nutcracker configuration),
#   and one RedisClean (event loop) and one redis-server direct, all on loopback, in ROUNDS alternating rounds;
# prints the medians as a table. Usage: ROUNDS=3 scripts/bench-twemproxy.sh [REQUESTS]   (default 100000);
# CLEAN_ARGS="--busy-poll-us 0" adds options to every RedisClean server.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-100000}
ROUNDS=${ROUNDS:-3}
CLIENTS=${CLIENTS:-50}
ARTIFACTS=artifacts/twemproxy
source scripts/servers.sh

POOLS=("nutcracker-RedisClean" "nutcracker-RedisClean-no-spin" "nutcracker-RedisClean-event-loop" "nutcracker-redis-server")
declare -A POOL_ARGS=(
  [nutcracker-RedisClean]="--io-model blocking"
  [nutcracker-RedisClean-no-spin]="--io-model blocking"
  [nutcracker-RedisClean-event-loop]="--io-model event-loop"
  [nutcracker-redis-server]="--redis-server"
)
declare -A POOL_CLEAN_ARGS=([nutcracker-RedisClean-no-spin]="--busy-poll-us 0")
for pool in "${POOLS[@]}"; do
  port=$(free_port)
  # shellcheck disable=SC2086 # the pool's options are words
  CLEAN_ARGS="${CLEAN_ARGS:-} ${POOL_CLEAN_ARGS[$pool]:-}" scripts/twemproxy.sh --no-build --port "$port" ${POOL_ARGS[$pool]} >"$ARTIFACTS/$pool.log" 2>&1 &
  PID[$pool]=$!; PORT[$pool]=$port
  for _ in $(seq 200); do grep -q '^nutcracker on' "$ARTIFACTS/$pool.log" && break; sleep 0.1; done
  grep -q '^nutcracker on' "$ARTIFACTS/$pool.log" || { echo "$pool did not start; see $ARTIFACTS/$pool.log" >&2; exit 1; }
done
start RedisClean-event-loop
start redis-server
TARGETS=("${POOLS[@]}" RedisClean-event-loop redis-server)

run() { # target pipeline: prints "SET-rps GET-rps"
  redis-benchmark -h 127.0.0.1 -p "${PORT[$1]}" -t set,get -n "$REQUESTS" -c "$CLIENTS" -P "$2" -r 100000 --csv 2>/dev/null \
    | awk -F'","' '$1 == "\"SET" || $1 == "\"GET" {gsub(/"/, "", $2); printf "%s ", $2}'
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

declare -A RESULTS # [target,workload] = space-separated rps of each round
for target in "${TARGETS[@]}"; do run "$target" 1 >/dev/null; done # warm-up: JIT, connections, keys
for round in $(seq "$ROUNDS"); do
  echo "round $round of $ROUNDS..." >&2
  for target in "${TARGETS[@]}"; do
    for pipeline in 1 16; do
      read -r set get <<<"$(run "$target" "$pipeline")"
      RESULTS[$target,SET-P$pipeline]+="$set "; RESULTS[$target,GET-P$pipeline]+="$get "
    done
  done
done

echo "redis-benchmark -c $CLIENTS -n $REQUESTS -r 100000, requests per second, median of $ROUNDS rounds ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end):"
echo
echo "| workload | nutcracker → 3 RedisClean (blocking) | the same, \`--busy-poll-us 0\` | nutcracker → 3 RedisClean (event loop) | nutcracker → 3 redis-server | RedisClean direct (event loop) | redis-server direct | behind nutcracker: blocking / redis-server | blocking, no spin / redis-server | event loop / redis-server |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for workload in SET-P1 GET-P1 SET-P16 GET-P16; do
  row="| ${workload%-P*}"; [ "${workload#*-P}" = 16 ] && row+=' `-P 16`'
  declare -A M=()
  for target in "${TARGETS[@]}"; do
    M[$target]=$(median <<<"${RESULTS[$target,$workload]}"); row+=" | $(printf "%.0f" "${M[$target]}" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')"
  done
  ratio() { awk -v a="${M[$1]}" -v b="${M[nutcracker-redis-server]}" 'BEGIN {printf "%.2f", a / b}'; }
  echo "$row | $(ratio nutcracker-RedisClean)x | $(ratio nutcracker-RedisClean-no-spin)x | $(ratio nutcracker-RedisClean-event-loop)x |"
done
