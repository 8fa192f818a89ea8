#!/usr/bin/env bash
# Throughput of a three-node cluster: redis-benchmark --cluster -t set,get -c 50 against three RedisClean nodes and
# against three redis-server nodes, each cluster formed by scripts/cluster.sh with redis-cli --cluster create, in
# ROUNDS alternating rounds; prints each round and the median as a table.
# Usage: ROUNDS=3 scripts/bench-cluster.sh [REQUESTS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-100000}
ROUNDS=${ROUNDS:-3}
ARTIFACTS=artifacts/cluster
mkdir -p "$ARTIFACTS"
echo "Building RedisClean (Release)..." >&2
dotnet build Redis.Server -c Release -v q -nologo >/dev/null

declare -A PID PORT
cleanup() { for s in "${!PID[@]}"; do kill "${PID[$s]}" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for backend in RedisClean redis-server; do
  option=""; [ "$backend" = redis-server ] && option=--redis-server
  scripts/cluster.sh --no-build $option >"$ARTIFACTS/$backend.log" 2>&1 &
  PID[$backend]=$!
  for _ in $(seq 600); do grep -q 'Cluster of [0-9]* nodes' "$ARTIFACTS/$backend.log" && break; sleep 0.1; done
  grep -q 'Cluster of [0-9]* nodes' "$ARTIFACTS/$backend.log" || { echo "the $backend cluster did not form; see $ARTIFACTS/$backend.log" >&2; exit 1; }
  PORT[$backend]=$(sed -n 's/.*Cluster of .* -p \([0-9]*\);.*/\1/p' "$ARTIFACTS/$backend.log")
done

run() { # backend: prints "SET-rps GET-rps"
  redis-benchmark --cluster -h 127.0.0.1 -p "${PORT[$1]}" -t set,get -n "$REQUESTS" -c 50 -r 100000 --csv 2>/dev/null \
    | awk -F'","' '$1 == "\"SET" || $1 == "\"GET" {gsub(/"/, "", $2); printf "%s ", $2}'
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

declare -A RESULTS
for backend in RedisClean redis-server; do run "$backend" >/dev/null; done # warm-up
for round in $(seq "$ROUNDS"); do
  echo "round $round of $ROUNDS..." >&2
  for backend in RedisClean redis-server; do
    read -r set get <<<"$(run "$backend")"
    RESULTS[$backend,SET]+="$set "; RESULTS[$backend,GET]+="$get "
  done
done

echo "redis-benchmark --cluster -t set,get -c 50 -r 100000 -n $REQUESTS over 3 nodes, requests per second, median of $ROUNDS rounds ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end):"
echo
echo "| test | 3 RedisClean nodes (rounds) | 3 redis-server nodes (rounds) | RedisClean / redis-server (medians) |"
echo "|---|---|---|---|"
for test in SET GET; do
  ours=$(median <<<"${RESULTS[RedisClean,$test]}"); theirs=$(median <<<"${RESULTS[redis-server,$test]}")
  echo "| $test | $ours (${RESULTS[RedisClean,$test]% }) | $theirs (${RESULTS[redis-server,$test]% }) | $(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2fx", a / b}') |"
done
