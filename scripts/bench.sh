#!/usr/bin/env bash
# Side-by-side benchmark: RedisClean (both transports), redis-server (Debian) and Garnet on free loopback ports,
# same machine, same client (redis-benchmark), alternating rounds. Prints tables with the ratios:
#   single   -c 1, unpipelined and -P 16: RedisClean blocking and event loop, redis-server, Garnet
#   many     -c 50 (-n 200000, and -n 1000000 -P 16; unpipelined in RESP3 too): the event loop, redis-server, Garnet,
#            with p50/p99 latency
#   multi    transactions, MULTI + SET x10 + EXEC per round trip (tools/Redis.LoadGen), -c 1 and -c MANY_CLIENTS
#   idle     resident memory of IDLE_CONNECTIONS idle connections (each has sent one PING)
#   pubsub   PUBLISH from -c 50 to SUBSCRIBERS redis-cli SUBSCRIBE connections: the event loop and redis-server
#   keyspace GET with a million keys carrying a TTL; RSS after a million SETs (blocking transport)
#   large    the lab's large-value benchmark with the project's client (blocking transport)
#   types    redis-benchmark's default test list (PING to MSET, LPUSH/LRANGE, SADD, HSET, ZADD...), -n TYPES_REQUESTS:
#            -c 1 against the blocking transport and -c MANY_CLIENTS against the event loop, beside redis-server
#            and Garnet; the keyspace is flushed before each run
#   typesmem resident memory after loading one hash of TYPES_ELEMENTS fields, one sorted set and one list of as many
#            elements, TYPES_ELEMENTS hashes of 10 fields, TYPES_ELEMENTS sets of 10 integers (redis-cli --pipe,
#            blocking transport), each server freshly started per workload
#
#   scripts/bench.sh                 # every section, defaults below
#   SECTIONS="many idle" scripts/bench.sh
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
SECTIONS=${SECTIONS:-single many multi idle pubsub keyspace large types typesmem}
MANY_CLIENTS=${MANY_CLIENTS:-50}
MANY_REQUESTS=${MANY_REQUESTS:-200000}
MANY_PIPELINED_REQUESTS=${MANY_PIPELINED_REQUESTS:-1000000}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-10000}
TRANSACTIONS=${TRANSACTIONS:-50000}       # MULTI/SET x10/EXEC rounds per run of the multi section
SUBSCRIBERS=${SUBSCRIBERS:-10}
PUBSUB_REQUESTS=${PUBSUB_REQUESTS:-100000}
TYPES_REQUESTS=${TYPES_REQUESTS:-$REQUESTS}   # requests per test of the types section
TYPES_ELEMENTS=${TYPES_ELEMENTS:-1000000}     # elements (or keys) per workload of the typesmem section

source scripts/servers.sh
LARGE_REPEAT=${LARGE_REPEAT:-20}          # the client's --benchmark --repeat, per round

if [ ! -x "$GARNET" ]; then
  dotnet tool install garnet-server --version "$GARNET_VERSION" --tool-path "$ARTIFACTS/garnet" >/dev/null 2>&1 \
    || echo "Garnet $GARNET_VERSION could not be installed: its column is skipped." >&2
fi

has() { [[ " $SECTIONS " == *" $1 "* ]]; }

rps() { # port requests pipeline test [extra...]
  local port=$1 n=$2 p=$3 t=$4; shift 4
  redis-benchmark -h 127.0.0.1 -p "$port" -c 1 -n "$n" -P "$p" -t "$t" -q "$@" 2>/dev/null \
    | tr '\r' '\n' | grep 'requests per second' | tail -n 1 | awk '{print $2}'
}

# "rps p50 p99" of redis-benchmark with many clients (its --csv line: test, rps, avg, min, p50, p95, p99, max).
many() { # port requests pipeline test [extra redis-benchmark options...]
  local port=$1 n=$2 p=$3 t=$4; shift 4
  redis-benchmark -h 127.0.0.1 -p "$port" -c "$MANY_CLIENTS" -n "$n" -P "$p" -t "$t" --csv "$@" 2>/dev/null \
    | tail -n 1 | tr -d '"' | awk -F, '{print $2, $5, $7}'
}

median() { # "sample sample ..."
  tr ' ' '\n' <<<"$1" | awk 'NF' | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else printf "%.6g\n", (a[NR/2]+a[NR/2+1])/2}'; }

rss_mb() { awk '/VmRSS/ {printf "%.1f\n", $2/1024}' "/proc/$1/status"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a + 0 > 0) printf "%.2fx", a / b; else print "n/a" }'; }

# A markdown table of medians: rows are workloads, columns servers, then the ratios asked for ("A/B" pairs).
table() { # samples-array-name "workload..." "server..." "A/B..."
  local -n samples=$1; local workloads=$2 servers=$3 ratios=$4 w s r header="| workload |" sep="|---|"
  for s in $servers; do header+=" $s |"; sep+="---|"; done
  for r in $ratios; do header+=" $r |"; sep+="---|"; done
  echo "$header"; echo "$sep"
  while IFS= read -r w; do
    [ -n "$w" ] || continue
    local line="| $w |"; declare -A M=()
    for s in $servers; do M[$s]=$(median "${samples["$s|$w"]:-}"); line+=" ${M[$s]} |"; done
    for r in $ratios; do line+=" $(ratio "${M[${r%/*}]:-0}" "${M[${r#*/}]:-0}") |"; done
    echo "$line"
  done <<<"$workloads"
}

HAVE_GARNET=""; [ -x "$GARNET" ] && HAVE_GARNET=Garnet
printf '\nMachine: %s, %s cores; median of %s rounds; load average at start: %s\n' \
  "$(uname -srm)" "$(nproc)" "$ROUNDS" "$(cut -d' ' -f1-3 /proc/loadavg)"

# --- single: one connection (redis-benchmark -c 1), both transports
if has single; then
  SERVERS=(RedisClean RedisClean-event-loop redis-server $HAVE_GARNET)
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
    echo "single: round $round/$ROUNDS done" >&2
  done
  for s in "${SERVERS[@]}"; do stop "$s"; done
  printf '\nredis-benchmark -c 1 -n %s (-P %s: -n %s), requests/s\n\n' "$REQUESTS" "$PIPELINE" "$PIPELINED_REQUESTS"
  ratios="RedisClean/redis-server RedisClean-event-loop/redis-server"
  [ -n "$HAVE_GARNET" ] && ratios+=" RedisClean/Garnet RedisClean-event-loop/Garnet"
  table SAMPLES "$(printf '%s\n' "${WORKLOADS[@]}")" "${SERVERS[*]}" "$ratios"
fi

# --- many: MANY_CLIENTS connections at once, which only the event loop serves
if has many; then
  SERVERS=(RedisClean-event-loop redis-server $HAVE_GARNET)
  # "RESP3": redis-benchmark -3 (HELLO 3 on each connection first).
  WORKLOADS=("SET P1" "GET P1" "SET P$PIPELINE" "GET P$PIPELINE" "SET P1 RESP3" "GET P1 RESP3")
  declare -A RPS P50 P99
  for s in "${SERVERS[@]}"; do start "$s"; done
  for round in $(seq "$ROUNDS"); do
    for s in "${SERVERS[@]}"; do
      for w in "${WORKLOADS[@]}"; do
        read -r t p protocol <<<"$w"; p=${p#P}; n=$MANY_REQUESTS; [ "$p" != 1 ] && n=$MANY_PIPELINED_REQUESTS
        extra=(); [ "${protocol:-}" = RESP3 ] && extra=(-3)
        read -r r p50 p99 <<<"$(many "${PORT[$s]}" "$n" "$p" "${t,,}" "${extra[@]}")"
        RPS["$s|$w"]+="$r "; P50["$s|$w"]+="$p50 "; P99["$s|$w"]+="$p99 "
      done
    done
    echo "many: round $round/$ROUNDS done" >&2
  done
  for s in "${SERVERS[@]}"; do stop "$s"; done
  ratios="RedisClean-event-loop/redis-server"; [ -n "$HAVE_GARNET" ] && ratios+=" RedisClean-event-loop/Garnet"
  printf '\nredis-benchmark -c %s -n %s (-P %s: -n %s), requests/s\n\n' "$MANY_CLIENTS" "$MANY_REQUESTS" "$PIPELINE" "$MANY_PIPELINED_REQUESTS"
  table RPS "$(printf '%s\n' "${WORKLOADS[@]}")" "${SERVERS[*]}" "$ratios"
  printf '\nthe same runs: p50 latency, ms\n\n'
  table P50 "$(printf '%s\n' "${WORKLOADS[@]}")" "${SERVERS[*]}" "RedisClean-event-loop/redis-server"
  printf '\nthe same runs: p99 latency, ms\n\n'
  table P99 "$(printf '%s\n' "${WORKLOADS[@]}")" "${SERVERS[*]}" "RedisClean-event-loop/redis-server"
fi

# --- multi: MULTI, ten SETs of random keys and EXEC sent in one write, replies read before the next round (what a
# client library's transaction does); transactions per second. The blocking transport serves one client at a time,
# so it runs only the -c 1 workload.
if has multi; then
  SERVERS=(RedisClean RedisClean-event-loop redis-server $HAVE_GARNET)
  WORKLOADS=("MULTI/SETx10/EXEC c1" "MULTI/SETx10/EXEC c$MANY_CLIENTS")
  TX=(MULTI ';'); for _ in $(seq 10); do TX+=(SET 'key:__rand__' xxx ';'); done; TX+=(EXEC)
  declare -A TPS
  for s in "${SERVERS[@]}"; do start "$s"; done
  for round in $(seq "$ROUNDS"); do
    for s in "${SERVERS[@]}"; do
      for w in "${WORKLOADS[@]}"; do
        c=${w##* c}; [ "$s" = RedisClean ] && [ "$c" != 1 ] && continue
        read -r r _ <<<"$(dotnet "$LOADGEN_DLL" "${PORT[$s]}" "$c" "$TRANSACTIONS" "${TX[@]}")"
        TPS["$s|$w"]+="$r "
      done
    done
    echo "multi: round $round/$ROUNDS done" >&2
  done
  for s in "${SERVERS[@]}"; do stop "$s"; done
  ratios="RedisClean-event-loop/redis-server RedisClean/redis-server"; [ -n "$HAVE_GARNET" ] && ratios+=" RedisClean-event-loop/Garnet"
  printf '\ntools/Redis.LoadGen, %s transactions of MULTI + SET x10 + EXEC, transactions/s\n\n' "$TRANSACTIONS"
  table TPS "$(printf '%s\n' "${WORKLOADS[@]}")" "${SERVERS[*]}" "$ratios"
fi

# --- idle: resident memory of IDLE_CONNECTIONS connections that sent one PING each and then stay silent
hold() { # port count: prints how many connections were answered +PONG, then holds them until its stdin closes
  ulimit -n "$(ulimit -Hn)"
  local port=$1 n=$2 fd ok=0 line; local -a fds=()
  for _ in $(seq "$n"); do exec {fd}<>"/dev/tcp/127.0.0.1/$port" || break; printf 'PING\r\n' >&"$fd"; fds+=("$fd"); done
  # No read -t: bash waits for it with select(), which cannot watch descriptors past 1023.
  for fd in "${fds[@]}"; do read -r -u "$fd" line && [ "${line%$'\r'}" = "+PONG" ] && ok=$((ok + 1)); done
  echo "$ok"; cat >/dev/null
}
if has idle; then
  printf '\n%s idle connections (each sent one PING): resident memory, MB\n\n' "$IDLE_CONNECTIONS"
  echo "| server | RSS before | RSS with the connections | answered | KB per connection |"
  echo "|---|---|---|---|---|"
  declare -A IDLE
  for s in RedisClean-event-loop redis-server $HAVE_GARNET; do
    start "$s"; before=$(rss_mb "${PID[$s]}")
    coproc HOLD { hold "${PORT[$s]}" "$IDLE_CONNECTIONS"; }
    read -r answered <&"${HOLD[0]}"
    after=$(rss_mb "${PID[$s]}"); IDLE[$s]=$after
    exec {HOLD[1]}>&-; wait "$HOLD_PID" 2>/dev/null || true
    stop "$s"
    per=$(awk -v a="$after" -v b="$before" -v n="$answered" 'BEGIN { if (n > 0) printf "%.1f", (a - b) * 1024 / n; else print "n/a" }')
    echo "| $s | $before | $after | $answered | $per |"
  done
  echo
  echo "RedisClean-event-loop RSS / redis-server RSS with the connections: $(ratio "${IDLE[RedisClean-event-loop]}" "${IDLE[redis-server]}")"
fi

# --- pubsub: SUBSCRIBERS redis-cli SUBSCRIBE connections stay on one channel (printing each message to /dev/null)
# while redis-benchmark publishes to it from MANY_CLIENTS connections; alternating rounds on both servers.
publish_rps() { # port
  redis-benchmark -h 127.0.0.1 -p "$1" -c "$MANY_CLIENTS" -n "$PUBSUB_REQUESTS" --csv PUBLISH bench:chan msg 2>/dev/null \
    | tail -n 1 | tr -d '"' | awk -F, '{print $2}'
}
if has pubsub; then
  SERVERS=(RedisClean-event-loop redis-server)
  WORKLOAD="PUBLISH to $SUBSCRIBERS subscribers"
  declare -A PUBSUB
  for s in "${SERVERS[@]}"; do
    start "$s"
    # In PID, so the exit trap stops them too.
    for i in $(seq "$SUBSCRIBERS"); do redis-cli -p "${PORT[$s]}" SUBSCRIBE bench:chan >/dev/null 2>&1 & PID["$s-subscriber-$i"]=$!; done
    for _ in $(seq 100); do
      [ "$(redis-cli -p "${PORT[$s]}" PUBSUB NUMSUB bench:chan | tail -n 1)" = "$SUBSCRIBERS" ] && break; sleep 0.1
    done
  done
  for round in $(seq "$ROUNDS"); do
    for s in "${SERVERS[@]}"; do PUBSUB["$s|$WORKLOAD"]+="$(publish_rps "${PORT[$s]}") "; done
    echo "pubsub: round $round/$ROUNDS done" >&2
  done
  for s in "${SERVERS[@]}"; do
    for i in $(seq "$SUBSCRIBERS"); do stop "$s-subscriber-$i"; done
    stop "$s"
  done
  printf '\nredis-benchmark -c %s -n %s PUBLISH bench:chan msg, %s subscribers, requests/s\n\n' "$MANY_CLIENTS" "$PUBSUB_REQUESTS" "$SUBSCRIBERS"
  table PUBSUB "$WORKLOAD" "${SERVERS[*]}" "RedisClean-event-loop/redis-server"
fi

SERVERS=(RedisClean redis-server $HAVE_GARNET)

# --- keyspace: GET with KEYS keys that all carry a TTL, against the same server with an empty keyspace (median of
# ROUNDS runs each); then resident memory after SET of up to KEYS distinct keys with 3-byte values, each server freshly started.
ttl_ratio() { # name
  local port=${PORT[$1]} empty="" full="" round
  redis-cli -p "$port" flushall >/dev/null 2>&1 || redis-cli -p "$port" del key:__rand_int__ >/dev/null
  for round in $(seq "$ROUNDS"); do empty+="$(rps "$port" "$REQUESTS" 1 get -r "$KEYS") "; done
  awk -v n="$KEYS" 'BEGIN { for (i = 0; i < n; i++) printf "SET key:%012d xxx EX 3600\r\n", i }' \
    | redis-cli -p "$port" --pipe >/dev/null
  for round in $(seq "$ROUNDS"); do full+="$(rps "$port" "$REQUESTS" 1 get -r "$KEYS") "; done
  echo "$(median "$empty") $(median "$full")"
}
if has keyspace; then
  declare -A TTL MEM
  for s in "${SERVERS[@]}"; do start "$s"; TTL[$s]=$(ttl_ratio "$s"); stop "$s"; done
  for s in "${SERVERS[@]}"; do
    start "$s"
    redis-benchmark -h 127.0.0.1 -p "${PORT[$s]}" -c 1 -P "$PIPELINE" -t set -r "$KEYS" -n $((KEYS * 3)) -d 3 -q >/dev/null 2>&1
    keys=$(redis-cli -p "${PORT[$s]}" dbsize 2>/dev/null || echo "?")
    MEM[$s]="$(rss_mb "${PID[$s]}") $keys"
    stop "$s"
  done
  echo
  echo "| server | GET rps, empty | GET rps, $KEYS keys with TTL | ratio | RSS MB after SET -r $KEYS | keys |"
  echo "|---|---|---|---|---|---|"
  for s in "${SERVERS[@]}"; do
    read -r empty full <<<"${TTL[$s]}"; read -r rss keys <<<"${MEM[$s]}"
    echo "| $s | $empty | $full | $(ratio "$full" "$empty") | $rss | $keys |"
  done
  read -r rss_clean _ <<<"${MEM[RedisClean]}"; read -r rss_redis _ <<<"${MEM[redis-server]}"
  echo
  echo "RedisClean RSS / redis-server RSS: $(ratio "$rss_clean" "$rss_redis")"
fi

# --- large: the lab's large-value benchmark (keys 1-10 KB x values 10-100 KB) with the project's own client,
# alternating servers each round: the mean of its per-pair average latencies (SET and GET) is the time per operation.
per_op_ms() { # port
  dotnet "$CLIENT_DLL" -p "$1" --benchmark --repeat "$LARGE_REPEAT" --csv \
    | awk -F, 'NR > 1 { sum += $5; n++ } END { if (n) printf "%.4f\n", sum / n }'
}
if has large; then
  declare -A LARGE LMED
  for s in "${SERVERS[@]}"; do start "$s"; done
  for round in $(seq "$ROUNDS"); do
    for s in "${SERVERS[@]}"; do LARGE[$s]+="$(per_op_ms "${PORT[$s]}") "; done
  done
  for s in "${SERVERS[@]}"; do stop "$s"; done
  echo
  echo "| server | large values: ms per operation (client --benchmark, median of $ROUNDS) |"
  echo "|---|---|"
  for s in "${SERVERS[@]}"; do LMED[$s]=$(median "${LARGE[$s]}"); echo "| $s | ${LMED[$s]} |"; done
  echo
  echo "RedisClean / redis-server time per large-value operation: $(ratio "${LMED[RedisClean]}" "${LMED[redis-server]}")"
fi

# --- types: redis-benchmark's default tests (its -t list when none is given), each server flushed before each run;
# one redis-benchmark run per server per round goes through the whole list, the servers alternating.
TYPES_TESTS="PING_INLINE PING_MBULK SET GET INCR LPUSH RPUSH LPOP RPOP SADD HSET SPOP ZADD ZPOPMIN LPUSH_for_LRANGE LRANGE_100 LRANGE_300 LRANGE_500 LRANGE_600 MSET"
types_run() { # port clients: "TEST rps" lines ("LPUSH (needed to benchmark LRANGE)" is LPUSH_for_LRANGE, "MSET (10 keys)" MSET)
  redis-cli -p "$1" flushall >/dev/null 2>&1 || true
  redis-benchmark -h 127.0.0.1 -p "$1" -c "$2" -n "$TYPES_REQUESTS" --csv 2>/dev/null \
    | tail -n +2 | tr -d '"' | awk -F, '{sub(/ \(needed to benchmark LRANGE\)/, "_for_LRANGE", $1); sub(/ .*/, "", $1); print $1, $2}'
}
if has types; then
  for clients in 1 "$MANY_CLIENTS"; do
    if [ "$clients" = 1 ]; then clean=RedisClean; else clean=RedisClean-event-loop; fi
    SERVERS=("$clean" redis-server $HAVE_GARNET)
    declare -A TYPES=()
    for s in "${SERVERS[@]}"; do start "$s"; done
    for round in $(seq "$ROUNDS"); do
      for s in "${SERVERS[@]}"; do
        while read -r t r; do [ -n "$t" ] && TYPES["$s|$t"]+="$r "; done <<<"$(types_run "${PORT[$s]}" "$clients")"
      done
      echo "types -c $clients: round $round/$ROUNDS done" >&2
    done
    for s in "${SERVERS[@]}"; do stop "$s"; done
    ratios="$clean/redis-server"; [ -n "$HAVE_GARNET" ] && ratios+=" $clean/Garnet"
    printf '\nredis-benchmark -c %s -n %s (its default tests), %s, requests/s\n\n' "$clients" "$TYPES_REQUESTS" "$clean"
    table TYPES "$(tr ' ' '\n' <<<"$TYPES_TESTS")" "${SERVERS[*]}" "$ratios"
  done
fi

# --- typesmem: resident memory after one load per workload into a freshly started server (commands through
# redis-cli --pipe; the large single keys are filled 100 elements per command).
typesmem_load() { # workload: the commands on stdout
  awk -v n="$TYPES_ELEMENTS" -v w="$1" 'BEGIN {
    if (w == "hash") { for (i = 0; i < n; i += 100) { printf "HSET bighash"; for (j = i; j < i + 100 && j < n; j++) printf " field:%d %d", j, j; printf "\r\n" } }
    else if (w == "zset") { for (i = 0; i < n; i += 100) { printf "ZADD bigzset"; for (j = i; j < i + 100 && j < n; j++) printf " %d member:%d", j, j; printf "\r\n" } }
    else if (w == "list") { for (i = 0; i < n; i += 100) { printf "RPUSH biglist"; for (j = i; j < i + 100 && j < n; j++) printf " element:%d", j; printf "\r\n" } }
    else if (w == "hashes") { for (i = 0; i < n; i++) { printf "HSET hash:%d", i; for (j = 0; j < 10; j++) printf " field%d %d", j, i + j; printf "\r\n" } }
    else if (w == "sets") { for (i = 0; i < n; i++) { printf "SADD set:%d", i; for (j = 0; j < 10; j++) printf " %d", (i % 100000) * 10 + j; printf "\r\n" } }
  }'
}
if has typesmem; then
  SERVERS=(RedisClean redis-server $HAVE_GARNET)
  TYPESMEM=(hash zset list hashes sets)
  declare -A TMEM=() THELD=()
  for w in "${TYPESMEM[@]}"; do
    for s in "${SERVERS[@]}"; do
      start "$s"
      # In RESP: Garnet does not take inline commands.
      typesmem_load "$w" | awk '{ sub(/\r$/, ""); printf "*%d\r\n", NF; for (i = 1; i <= NF; i++) printf "$%d\r\n%s\r\n", length($i), $i }' \
        | redis-cli -p "${PORT[$s]}" --pipe >/dev/null
      TMEM["$s|$w"]="$(rss_mb "${PID[$s]}")"
      case $w in hash) held=(hlen bighash) ;; zset) held=(zcard bigzset) ;; list) held=(llen biglist) ;; *) held=(dbsize) ;; esac
      THELD["$s|$w"]=$(redis-cli -p "${PORT[$s]}" "${held[@]}" 2>/dev/null || echo "?")
      stop "$s"
    done
    echo "typesmem: $w done" >&2
  done
  printf '\nresident memory after loading, MB (%s elements or keys per workload)\n\n' "$TYPES_ELEMENTS"
  ratios="RedisClean/redis-server"; [ -n "$HAVE_GARNET" ] && ratios+=" Garnet/redis-server"
  declare -A TMEM_LABEL=([hash]="one hash of $TYPES_ELEMENTS fields" [zset]="one sorted set of $TYPES_ELEMENTS members"
    [list]="one list of $TYPES_ELEMENTS elements" [hashes]="$TYPES_ELEMENTS hashes of 10 fields" [sets]="$TYPES_ELEMENTS sets of 10 integers")
  declare -A TMEM_ROWS=()
  for w in "${TYPESMEM[@]}"; do for s in "${SERVERS[@]}"; do TMEM_ROWS["$s|${TMEM_LABEL[$w]}"]=${TMEM["$s|$w"]}; done; done
  table TMEM_ROWS "$(for w in "${TYPESMEM[@]}"; do echo "${TMEM_LABEL[$w]}"; done)" "${SERVERS[*]}" "$ratios"
  printf '\nthe same loads: elements held (HLEN, ZCARD, LLEN, or DBSIZE for the many keys)\n\n'
  declare -A THELD_ROWS=()
  for w in "${TYPESMEM[@]}"; do for s in "${SERVERS[@]}"; do THELD_ROWS["$s|${TMEM_LABEL[$w]}"]=${THELD["$s|$w"]}; done; done
  table THELD_ROWS "$(for w in "${TYPESMEM[@]}"; do echo "${TMEM_LABEL[$w]}"; done)" "${SERVERS[*]}" ""
fi
