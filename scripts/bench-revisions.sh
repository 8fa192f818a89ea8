#!/usr/bin/env bash
# Hot-path regression check: RedisClean at another git revision beside the working tree, with redis-server as the
# yardstick, same client (redis-benchmark -c 1), alternating rounds on free loopback ports. Prints medians.
#
#   scripts/bench-revisions.sh c495353            # the working tree against commit c495353
#   ROUNDS=5 REQUESTS=200000 scripts/bench-revisions.sh main~3
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${1:?usage: scripts/bench-revisions.sh <git revision>}
ROUNDS=${ROUNDS:-5}
REQUESTS=${REQUESTS:-100000}
PIPELINED_REQUESTS=${PIPELINED_REQUESTS:-400000}
PIPELINE=${PIPELINE:-16}
ARTIFACTS=${ARTIFACTS:-artifacts/bench-revisions}
source scripts/servers.sh

# The other revision, built Release in a worktree of its own (kept between runs: a second run does not rebuild it).
BASE_SHA=$(git rev-parse --short "$BASE")
BASE_TREE="$ARTIFACTS/$BASE_SHA"
if [ ! -d "$BASE_TREE" ]; then git worktree add -q --detach "$BASE_TREE" "$BASE_SHA"; fi
dotnet build "$BASE_TREE/Redis.Server" -c Release -v q -nologo >/dev/null
BASE_DLL="$BASE_TREE/Redis.Server/bin/Release/net10.0/Redis.Server.dll"

port=$(free_port); dotnet "$BASE_DLL" --port "$port" >"$ARTIFACTS/base.log" 2>&1 &
PID[base]=$!; PORT[base]=$port
for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
start RedisClean
start redis-server

rps() { # port requests pipeline test
  redis-benchmark -h 127.0.0.1 -p "$1" -c 1 -n "$2" -P "$3" -t "$4" -q 2>/dev/null \
    | tr '\r' '\n' | grep 'requests per second' | tail -n 1 | awk '{print $2}'
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.6g\n", (a[NR/2]+a[NR/2+1])/2}'; }

declare -A SAMPLES
NAMES=(base RedisClean redis-server)
WORKLOADS=("SET P1" "GET P1" "SET P$PIPELINE" "GET P$PIPELINE")
for round in $(seq "$ROUNDS"); do
  for s in "${NAMES[@]}"; do
    for w in "${WORKLOADS[@]}"; do
      t=${w% *}; p=${w#* P}; n=$REQUESTS; [ "$p" != 1 ] && n=$PIPELINED_REQUESTS
      SAMPLES["$s|$w"]+="$(rps "${PORT[$s]}" "$n" "$p" "${t,,}") "
    done
  done
  echo "round $round/$ROUNDS done" >&2
done

echo "redis-benchmark -c 1, median of $ROUNDS rounds, requests/s; $(nproc) cores"
echo
echo "| workload | RedisClean $BASE_SHA | RedisClean working tree | redis-server | working tree / $BASE_SHA |"
echo "|---|---|---|---|---|"
for w in "${WORKLOADS[@]}"; do
  b=$(median "${SAMPLES[base|$w]}"); c=$(median "${SAMPLES[RedisClean|$w]}"); r=$(median "${SAMPLES[redis-server|$w]}")
  echo "| $w | $b | $c | $r | $(awk -v c="$c" -v b="$b" 'BEGIN {printf "%.3fx", c / b}') |"
done
