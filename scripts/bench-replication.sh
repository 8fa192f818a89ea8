#!/usr/bin/env bash
# Replication lag under load: a RedisClean master (event loop) with a RedisClean replica, beside a redis-server master
# with a redis-server replica, on loopback. For each pair, redis-benchmark -t set -c 50 -d 100 writes to the master
# while the replication offsets of master and replica are sampled every 50 ms; prints the write throughput, the lag
# (master_repl_offset minus the replica's slave_repl_offset, the replica read first) at the samples, and how long the replica takes to reach
# the master's offset once the writes stop. Usage: ROUNDS=2 scripts/bench-replication.sh [REQUESTS]   (default 300000)
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-300000}
ROUNDS=${ROUNDS:-2}
ARTIFACTS=artifacts/replication
source scripts/servers.sh

start RedisClean-event-loop
start redis-server
replica() { # name master-port
  local port; port=$(free_port)
  case $1 in
    RedisClean) dotnet "$SERVER_DLL" --port "$port" --io-model event-loop --replicaof "127.0.0.1 $2" >"$ARTIFACTS/$1-replica.log" 2>&1 & ;;
    redis-server) redis-server --port "$port" --save '' --appendonly no --dir "$ARTIFACTS" --replicaof 127.0.0.1 "$2" >"$ARTIFACTS/$1-replica.log" 2>&1 & ;;
  esac
  PID[$1-replica]=$!; PORT[$1-replica]=$port
  for _ in $(seq 300); do redis-cli -p "$port" info replication 2>/dev/null | grep -q master_link_status:up && return; sleep 0.1; done
  echo "the $1 replica did not synchronise; see $ARTIFACTS/$1-replica.log" >&2; exit 1
}
replica RedisClean "${PORT[RedisClean-event-loop]}"
replica redis-server "${PORT[redis-server]}"
declare -A MASTER=([RedisClean]=RedisClean-event-loop [redis-server]=redis-server)

offset() { redis-cli -p "$1" info replication | tr -d '\r' | awk -F: -v f="$2" '$1 == f {print $2}'; }

measure() { # pair: prints "rps max-lag-bytes median-lag-bytes catch-up-ms"
  local master=${PORT[${MASTER[$1]}]} replica=${PORT[$1-replica]} samples=() started caught
  redis-benchmark -p "$master" -t set -n "$REQUESTS" -c 50 -d 100 -r 100000 --csv >"$ARTIFACTS/$1.csv" 2>/dev/null &
  local bench=$!
  while kill -0 "$bench" 2>/dev/null; do
    # The replica first, then the master: the lag read is at least the lag at any instant between the two reads.
    local behind; behind=$(offset "$replica" slave_repl_offset)
    samples+=($(( $(offset "$master" master_repl_offset) - behind )))
    sleep 0.05
  done
  wait "$bench"
  started=$(date +%s%N)
  until [ "$(offset "$replica" slave_repl_offset)" -ge "$(offset "$master" master_repl_offset)" ]; do sleep 0.005; done
  caught=$(( ($(date +%s%N) - started) / 1000000 ))
  local rps; rps=$(awk -F'","' '$1 == "\"SET" {gsub(/"/, "", $2); print $2}' "$ARTIFACTS/$1.csv")
  printf '%s\n' "${samples[@]}" | sort -n | awk -v rps="$rps" -v caught="$caught" \
    '{a[NR] = $1} END {printf "%s %d %d %d\n", rps, a[NR], a[int((NR + 1) / 2)], caught}'
}

declare -A RESULTS
for round in $(seq "$ROUNDS"); do
  echo "round $round of $ROUNDS..." >&2
  for pair in RedisClean redis-server; do RESULTS[$pair]+="$(measure "$pair")"$'\n'; done
done

echo "redis-benchmark -t set -c 50 -d 100 -r 100000 -n $REQUESTS against the master; lag = master_repl_offset - slave_repl_offset every 50 ms ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end):"
echo
echo "| pair | round | SET rps | max lag (bytes) | median lag (bytes) | catch-up after the load (ms) |"
echo "|---|---|---|---|---|---|"
for pair in RedisClean redis-server; do
  n=0
  while read -r rps max median caught; do
    [ -n "$rps" ] || continue
    n=$((n + 1)); echo "| $pair → $pair replica | $n | $rps | $max | $median | $caught |"
  done <<<"${RESULTS[$pair]}"
done
