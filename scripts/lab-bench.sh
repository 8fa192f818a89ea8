#!/usr/bin/env bash
# The lab's benchmark, side by side: the client's --benchmark (keys 1, 5, 10 KB x values 10, 50, 100 KB) against
# RedisClean and redis-server (Debian's package), both started here on free loopback ports, in the same run.
# Each server gets a warm-up pass, then ROUNDS measured passes that alternate between the servers; each row shows
# the median over the rounds of the average latency (and MB/s), and the time ratio RedisClean / redis-server
# (below 1 is faster). Every pass's CSV is kept under ARTIFACTS.
#
#   scripts/lab-bench.sh                       # the lab's sizes, 3 rounds of 20 repetitions per pair
#   ROUNDS=5 scripts/lab-bench.sh --repeat 5   # options go to Redis.Client --benchmark (the last --repeat wins)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
ARTIFACTS=${ARTIFACTS:-artifacts/lab-bench}
source scripts/servers.sh
SERVERS=(RedisClean redis-server)

for s in "${SERVERS[@]}"; do
  start "$s"
  dotnet "$CLIENT_DLL" -p "${PORT[$s]}" --benchmark --repeat 2 >/dev/null
done
for round in $(seq "$ROUNDS"); do
  for s in "${SERVERS[@]}"; do
    dotnet "$CLIENT_DLL" -p "${PORT[$s]}" --benchmark --csv --repeat 20 "$@" >"$ARTIFACTS/$s.$round.csv"
  done
done

# One line per pass and row: server|key|value|op avg_ms mb_per_s; then the median per server and row.
medians() { # server
  for f in "$ARTIFACTS/$1".*.csv; do awk -F, 'NR > 1 { print $1 "|" $2 "|" $3, $5, $8 }' "$f"; done \
    | sort -k1,1 -k2,2g \
    | awk '{ rows[$1] = rows[$1] " " $2 ":" $3 } END { for (r in rows) { n = split(rows[r], a, " "); print r "," a[int((n + 1) / 2)] } }' \
    | tr ':' ',' | sort
}

echo "Redis.Client --benchmark --repeat 20${*:+ $*}, median of $ROUNDS rounds: RedisClean vs $(redis-server --version | cut -d' ' -f1-3), $(nproc) cores"
echo
echo "| key | value | op | RedisClean avg ms | redis-server avg ms | RedisClean MB/s | redis-server MB/s | time ratio |"
echo "|---|---|---|---|---|---|---|---|"
join -t, <(medians RedisClean) <(medians redis-server) \
  | sort -t'|' -k1,1n -k2,2n -k3,3r \
  | awk -F'[|,]' '{ printf "| %d KB | %d KB | %s | %.3f | %.3f | %.1f | %.1f | %.2fx |\n",
                      $1 / 1024, $2 / 1024, $3, $4, $6, $5, $7, $4 / $6; c += $4; r += $6 }
                  END { printf "\nMean time per operation: RedisClean %.3f ms, redis-server %.3f ms, ratio %.2fx\n", c / NR, r / NR, c / r }'
