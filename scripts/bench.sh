#!/usr/bin/env bash
# Side-by-side benchmark: RedisClean, redis-server (Debian) and Garnet on free loopback ports, same machine,
# same client (redis-benchmark -c 1), alternating rounds. Prints one table with the ratios.
#
#   scripts/bench.sh                 # defaults below
#   ROUNDS=5 REQUESTS=200000 scripts/bench.sh
#   CLEAN_ARGS="--busy-poll-us 0" scripts/bench.sh   # extra RedisClean options
#
# It installs redis-server/redis-tools (apt) and Garnet (dotnet tool) when missing, and stops every process it started.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
REQUESTS=${REQUESTS:-100000}              # unpipelined requests per run
PIPELINED_REQUESTS=${PIPELINED_REQUESTS:-400000}
PIPELINE=${PIPELINE:-16}
KEYS=${KEYS:-1000000}                     # keys for the TTL-scaling and memory workloads
GARNET_VERSION=${GARNET_VERSION:-2.2.8}
ARTIFACTS=${ARTIFACTS:-artifacts/bench}

source scripts/servers.sh
LARGE_REPEAT=${LARGE_REPEAT:-20}          # the client's --benchmark --repeat, per round

if [ ! -x "$GARNET" ]; then
  dotnet tool install garnet-server --version "$GARNET_VERSION" --tool-path "$ARTIFACTS/garnet" >/dev/null 2>&1 \
    || echo "Garnet $GARNET_VERSION could not be installed: its column is skipped." >&2
fi

rps() { # port requests pipeline test [extra...]
  local port=$1 n=$2 p=$3 t=$4; shift 4
  redis-benchmark -h 127.0.0.1 -p "$port" -c 1 -n "$n" -P "$p" -t "$t" -q "$@" 2>/dev/null \
    | tr '\r' '\n' | grep 'requests per second' | tail -n 1 | awk '{print $2}'
}

median() { # "sample sample ..."
  tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else printf "%.6g\n", (a[NR/2]+a[NR/2+1])/2}'; }

rss_mb() { awk '/VmRSS/ {printf "%.1f\n", $2/1024}' "/proc/$1/status"; }

SERVERS=(RedisClean redis-server)
[ -x "$GARNET" ] && SERVERS+=(Garnet)
WORKLOADS=("SET P1" "GET P1" "SET P$PIPELINE" "GET P$PIPELINE")
declare -A SAMPLES

for s in "${SERVERS[@]}"; do start "$s"; done
for round in $(seq "$ROUNDS"); do
  for s in "${SERVERS[@]}"; do
    for w in "${WORKLOADS[@]}"; do
      t=${w% *}; p=${w#* P}; n=$REQUESTS; [ "$p" != 1 ] && n=$PIPELINED_REQUESTS
      SAMPLES["$s|$w"]+="$(rps "${PORT[$s]}" "$n" "$p" "${t,,}") "
    done
  done
  echo "round $round/$ROUNDS done" >&2
done

# The lab's large-value benchmark (keys 1-10 KB x values 10-100 KB) with the project's own client, alternating
# servers each round: the mean of its per-pair average latencies (SET and GET) is the time per operation.
per_op_ms() { # port
  dotnet "$CLIENT_DLL" -p "$1" --benchmark --repeat "$LARGE_REPEAT" --csv \
    | awk -F, 'NR > 1 { sum += $5; n++ } END { if (n) printf "%.4f\n", sum / n }'
}
declare -A LARGE
for round in $(seq "$ROUNDS"); do
  for s in "${SERVERS[@]}"; do LARGE[$s]+="$(per_op_ms "${PORT[$s]}") "; done
done
echo "large-value rounds done" >&2

# GET with KEYS keys that all carry a TTL, against the same server with an empty keyspace (median of ROUNDS runs each).
ttl_ratio() { # name
  local port=${PORT[$1]} empty="" full="" round
  redis-cli -p "$port" flushall >/dev/null 2>&1 || redis-cli -p "$port" del key:__rand_int__ >/dev/null
  for round in $(seq "$ROUNDS"); do empty+="$(rps "$port" "$REQUESTS" 1 get -r "$KEYS") "; done
  awk -v n="$KEYS" 'BEGIN { for (i = 0; i < n; i++) printf "SET key:%012d xxx EX 3600\r\n", i }' \
    | redis-cli -p "$port" --pipe >/dev/null
  for round in $(seq "$ROUNDS"); do full+="$(rps "$port" "$REQUESTS" 1 get -r "$KEYS") "; done
  echo "$(median "$empty") $(median "$full")"
}
declare -A TTL MEM
for s in "${SERVERS[@]}"; do TTL[$s]=$(ttl_ratio "$s"); done

# Resident memory after SET of up to KEYS distinct keys with 3-byte values, each server freshly started.
for s in "${SERVERS[@]}"; do
  stop "$s"; start "$s"
  redis-benchmark -h 127.0.0.1 -p "${PORT[$s]}" -c 1 -P "$PIPELINE" -t set -r "$KEYS" -n $((KEYS * 3)) -d 3 -q >/dev/null 2>&1
  keys=$(redis-cli -p "${PORT[$s]}" dbsize 2>/dev/null || echo "?")
  MEM[$s]="$(rss_mb "${PID[$s]}") $keys"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a > 0) printf "%.2fx", a / b; else print "n/a" }'; }

printf '\nMachine: %s, %s cores; redis-benchmark -c 1; median of %s rounds (requests/s)\n\n' \
  "$(uname -srm)" "$(nproc)" "$ROUNDS"
header="| workload |"; sep="|---|"
for s in "${SERVERS[@]}"; do header+=" $s |"; sep+="---|"; done
header+=" RedisClean/redis-server |"; sep+="---|"
[ -x "$GARNET" ] && { header+=" RedisClean/Garnet |"; sep+="---|"; }
echo "$header"; echo "$sep"
for w in "${WORKLOADS[@]}"; do
  line="| $w |"; declare -A M=()
  for s in "${SERVERS[@]}"; do M[$s]=$(median "${SAMPLES["$s|$w"]}"); line+=" ${M[$s]} |"; done
  line+=" $(ratio "${M[RedisClean]}" "${M[redis-server]}") |"
  [ -x "$GARNET" ] && line+=" $(ratio "${M[RedisClean]}" "${M[Garnet]}") |"
  echo "$line"
done
echo
echo "| server | GET rps, empty | GET rps, $KEYS keys with TTL | ratio | RSS MB after SET -r $KEYS | keys |"
echo "|---|---|---|---|---|---|"
for s in "${SERVERS[@]}"; do
  read -r empty full <<<"${TTL[$s]}"; read -r rss keys <<<"${MEM[$s]}"
  echo "| $s | $empty | $full | $(ratio "$full" "$empty") | $rss | $keys |"
done
echo
echo "| server | large values: ms per operation (client --benchmark, median of $ROUNDS) |"
echo "|---|---|"
declare -A LMED
for s in "${SERVERS[@]}"; do
  LMED[$s]=$(median "${LARGE[$s]}"); echo "| $s | ${LMED[$s]} |"
done
read -r rss_clean _ <<<"${MEM[RedisClean]}"; read -r rss_redis _ <<<"${MEM[redis-server]}"
echo
echo "RedisClean RSS / redis-server RSS: $(ratio "$rss_clean" "$rss_redis")"
echo "RedisClean / redis-server time per large-value operation: $(ratio "${LMED[RedisClean]}" "${LMED[redis-server]}")"
