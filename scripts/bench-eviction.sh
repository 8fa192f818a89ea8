#!/usr/bin/env bash
# A cache workload under maxmemory, RedisClean (event loop) and redis-server side by side with the same limit and
# the same requests: for each policy, a fresh server of each kind is filled with redis-benchmark SETs of about ten
# times more data than the limit holds, then read with GETs over the same uniform keyspace, then with a skewed mix
# (a hot subset of the keys, written first, read four times out of five while the whole keyspace is read and written). Prints, per server and policy: SET and GET throughput, the hit
# rate of each GET phase (INFO stats keyspace_hits / keyspace_misses over the phase), evicted_keys, used_memory and
# the resident set (/proc/<pid>/status VmRSS) at the end, and RedisClean's ratios to redis-server.
#
# Usage: scripts/bench-eviction.sh
#   MAXMEMORY=64mb POLICIES="allkeys-lru allkeys-lfu" KEYSPACE=600000 VALUE=1024 SETS=600000 GETS=300000 HOT=20000
set -euo pipefail
cd "$(dirname "$0")/.."
MAXMEMORY=${MAXMEMORY:-64mb}
POLICIES=${POLICIES:-allkeys-lru allkeys-lfu}
KEYSPACE=${KEYSPACE:-600000}
VALUE=${VALUE:-1024}
SETS=${SETS:-600000}
GETS=${GETS:-300000}
HOT=${HOT:-20000}
CLIENTS=${CLIENTS:-50}
ARTIFACTS=artifacts/eviction
source scripts/servers.sh

info() { redis-cli -p "${PORT[$1]}" info "$2" | tr -d '\r' | awk -F: -v f="$3" '$1 == f {print $2}'; }
rss() { awk '/^VmRSS:/ {print $2 * 1024}' "/proc/${PID[$1]}/status"; }
rps() { # target test keyspace requests: requests per second of the redis-benchmark run
  redis-benchmark -h 127.0.0.1 -p "${PORT[$1]}" -t "$2" -r "$3" -n "$4" -d "$VALUE" -c "$CLIENTS" --csv 2>/dev/null \
    | awk -F'","' 'NR == 2 {gsub(/"/, "", $2); print $2}'
}
hits() { info "$1" stats keyspace_hits; }
misses() { info "$1" stats keyspace_misses; }
rate() { # target hits-before misses-before: the phase's hit rate, percent
  awk -v h=$(($(hits "$1") - $2)) -v m=$(($(misses "$1") - $3)) 'BEGIN {printf "%.1f", h + m == 0 ? 0 : 100 * h / (h + m)}'
}
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b == 0 ? 0 : a / b}'; }

declare -A R # [target,policy,field]
TARGETS=(RedisClean-event-loop redis-server)
for policy in $POLICIES; do
  for target in "${TARGETS[@]}"; do
    echo "$target, $policy..." >&2
    start "$target"
    redis-cli -p "${PORT[$target]}" config set maxmemory "$MAXMEMORY" >/dev/null
    redis-cli -p "${PORT[$target]}" config set maxmemory-policy "$policy" >/dev/null
    R[$target,$policy,set]=$(rps "$target" set "$KEYSPACE" "$SETS")

    h=$(hits "$target"); m=$(misses "$target")
    R[$target,$policy,get]=$(rps "$target" get "$KEYSPACE" "$GETS")
    R[$target,$policy,hit]=$(rate "$target" "$h" "$m")

    # The skewed mix: the first HOT keys are written, then read four times out of five while the whole keyspace is
    # read and written at once (a GET that misses does not store the key, so the hot keys must be there first).
    rps "$target" set "$HOT" $((HOT * 2)) >/dev/null
    h=$(hits "$target"); m=$(misses "$target")
    rps "$target" get "$HOT" $((GETS * 4 / 5)) >/dev/null & hot=$!
    rps "$target" set "$KEYSPACE" $((GETS / 5)) >/dev/null & writes=$!
    rps "$target" get "$KEYSPACE" $((GETS / 5)) >/dev/null
    wait "$hot" "$writes"
    R[$target,$policy,skew]=$(rate "$target" "$h" "$m")

    R[$target,$policy,evicted]=$(info "$target" stats evicted_keys)
    R[$target,$policy,keys]=$(redis-cli -p "${PORT[$target]}" dbsize)
    R[$target,$policy,used]=$(info "$target" memory used_memory)
    R[$target,$policy,rss]=$(rss "$target")
    stop "$target"
  done
done

echo "maxmemory $MAXMEMORY; redis-benchmark -c $CLIENTS -d $VALUE: $SETS SETs over -r $KEYSPACE, $GETS GETs over -r $KEYSPACE, then"
echo "$((HOT * 2)) SETs over -r $HOT, then $((GETS * 4 / 5)) GETs over -r $HOT with $((GETS / 5)) GETs and $((GETS / 5)) SETs over -r $KEYSPACE at once ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end):"
echo
echo "| policy | server | SET/s | GET/s | hit rate, uniform | hit rate, skewed | evicted_keys | keys left | used_memory MB | RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for policy in $POLICIES; do
  for target in "${TARGETS[@]}"; do
    echo "| $policy | $target | ${R[$target,$policy,set]%.*} | ${R[$target,$policy,get]%.*} | ${R[$target,$policy,hit]}% | ${R[$target,$policy,skew]}% | ${R[$target,$policy,evicted]} | ${R[$target,$policy,keys]} | $(mb "${R[$target,$policy,used]}") | $(mb "${R[$target,$policy,rss]}") |"
  done
  c=RedisClean-event-loop; r=redis-server
  echo "| $policy | ratio | $(ratio "${R[$c,$policy,set]}" "${R[$r,$policy,set]}")x | $(ratio "${R[$c,$policy,get]}" "${R[$r,$policy,get]}")x | | | | $(ratio "${R[$c,$policy,keys]}" "${R[$r,$policy,keys]}")x | $(ratio "${R[$c,$policy,used]}" "${R[$r,$policy,used]}")x | $(ratio "${R[$c,$policy,rss]}" "${R[$r,$policy,rss]}")x |"
done
