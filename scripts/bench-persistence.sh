#!/usr/bin/env bash
# RDB persistence side by side: RedisClean (event loop) and redis-server, each with KEYS string keys (16-byte values):
#   - SAVE time, file size, and load time at start-up (from each server's "DB loaded from disk" log line);
#   - the latency of SET (redis-benchmark -c 10, random keys over the dataset) alone, then while BGSAVE runs again
#     and again, as p50/p99/max: what a background save costs the serving thread.
# Usage: scripts/bench-persistence.sh [KEYS]   (default 1000000). Writes into artifacts/persistence/.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS=${1:-1000000}
ARTIFACTS=artifacts/persistence
source scripts/servers.sh
DATA="$ARTIFACTS/fill.resp"

python3 - "$KEYS" > "$DATA" <<'PY'
import sys
n = int(sys.argv[1])
out = sys.stdout
for i in range(n):
    k = f"key:{i:012d}"; v = f"value-{i:010d}"
    out.write(f"*3\r\n$3\r\nSET\r\n${len(k)}\r\n{k}\r\n${len(v)}\r\n{v}\r\n")
PY

summary() { # redis-benchmark --csv output -> "rps, p50 / p99 / max ms"
  awk -F'","' '/^"SET"/ {gsub(/"/, "", $8); printf "%s rps, p50 %s / p99 %s / max %s ms\n", $2, $5, $7, $8}'
}

latency() { # port
  redis-benchmark -p "$1" -t set -n 200000 -c 10 -r "$KEYS" -d 16 --csv 2>/dev/null | summary
}

run() { # name, start command args
  local name=$1 dir="$ARTIFACTS/$1-data"
  rm -rf "$dir"; mkdir -p "$dir"
  case $name in
    RedisClean-event-loop) CLEAN_ARGS="--dir $dir" start "$name" ;;
    redis-server)
      local port; port=$(free_port)
      redis-server --port "$port" --save '' --appendonly no --dir "$dir" >"$ARTIFACTS/$name.log" 2>&1 &
      PID[$name]=$!; PORT[$name]=$port
      for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done ;;
  esac
  local port=${PORT[$name]}
  redis-cli -p "$port" --pipe < "$DATA" >/dev/null
  echo "== $name: $(redis-cli -p "$port" dbsize) keys"
  local t0 t1; t0=$(date +%s.%N); redis-cli -p "$port" save >/dev/null; t1=$(date +%s.%N)
  echo "SAVE: $(echo "$t1 - $t0" | bc) s, file $(stat -c %s "$dir/dump.rdb") bytes"
  echo "SET alone:        $(latency "$port")"
  local bench; redis-benchmark -p "$port" -t set -n 200000 -c 10 -r "$KEYS" -d 16 --csv >"$ARTIFACTS/$name.during" 2>/dev/null & bench=$!
  local saves=0
  while kill -0 "$bench" 2>/dev/null; do
    redis-cli -p "$port" bgsave >/dev/null 2>&1 && saves=$((saves + 1))
    while redis-cli -p "$port" info persistence | grep -q 'rdb_bgsave_in_progress:1'; do sleep 0.05; done
  done
  wait "$bench" || true
  echo "SET during BGSAVE: $(summary < "$ARTIFACTS/$name.during") ($saves BGSAVEs)"
  echo "latest_fork_usec: $(redis-cli -p "$port" info stats | grep latest_fork_usec | tr -d '\r' | cut -d: -f2)"
  stop "$name"
  # Load time: start again on the same directory.
  case $name in
    RedisClean-event-loop) CLEAN_ARGS="--dir $dir" start "$name"; grep -o 'DB loaded from disk: [0-9.]* seconds' "$ARTIFACTS/$name.log" ;;
    redis-server)
      redis-server --port "$port" --save '' --appendonly no --dir "$dir" >"$ARTIFACTS/$name.log" 2>&1 & PID[$name]=$!
      for _ in $(seq 200); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
      grep -o 'DB loaded from disk: [0-9.]* seconds' "$ARTIFACTS/$name.log" ;;
  esac
  stop "$name"
}

run RedisClean-event-loop
run redis-server
