#!/usr/bin/env bash
# RDB persistence of the data types side by side: for each dataset below, RedisClean (event loop) and redis-server
# are filled with the same commands (redis-cli --pipe), then SAVE is timed, the file measured, and the server started
# again on the file for its load time ("DB loaded from disk"). Small collections are the ones Redis keeps compact
# (listpack, intset); large ones are its hash tables, quicklists and skiplists.
# Usage: scripts/bench-persistence-types.sh [SMALL] [LARGE]   (default 100000 collections of 10, 10 of 100000).
# Writes into artifacts/persistence-types/.
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${1:-100000}
LARGE=${2:-100000}
ARTIFACTS=artifacts/persistence-types
source scripts/servers.sh

fill() { # dataset -> RESP on stdout
  python3 - "$1" "$SMALL" "$LARGE" <<'PY'
import sys
kind, small, large = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
out = sys.stdout
def cmd(*args):
    out.write(f"*{len(args)}\r\n" + "".join(f"${len(a)}\r\n{a}\r\n" for a in args))
def collections(count, size):
    for i in range(count):
        key = f"{kind}:{i:08d}"
        for start in range(0, size, 1000):
            members = range(start, min(size, start + 1000))
            if kind.startswith("hash"): cmd("HSET", key, *[x for m in members for x in (f"field:{m}", f"value-{m:08d}")])
            elif kind.startswith("list"): cmd("RPUSH", key, *[f"element-{m:08d}" for m in members])
            elif kind.startswith("intset"): cmd("SADD", key, *[str(m * 7) for m in members])
            elif kind.startswith("set"): cmd("SADD", key, *[f"member-{m:08d}" for m in members])
            elif kind.startswith("zset"): cmd("ZADD", key, *[x for m in members for x in (f"{m * 1.5}", f"member-{m:08d}")])
count, size = (small, 10) if kind.endswith("-small") else (10, large)
collections(count, size)
PY
}

launch() { # name, dir
  local name=$1 dir=$2 port; port=$(free_port)
  case $name in
    RedisClean-event-loop) dotnet "$SERVER_DLL" --port "$port" --io-model event-loop --dir "$dir" >"$ARTIFACTS/$name.log" 2>&1 & ;;
    redis-server) redis-server --port "$port" --save '' --appendonly no --dir "$dir" >"$ARTIFACTS/$name.log" 2>&1 & ;;
  esac
  PID[$name]=$!; PORT[$name]=$port
  for _ in $(seq 600); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && return; sleep 0.1; done
  echo "$name did not start; see $ARTIFACTS/$name.log" >&2; exit 1
}

measure() { # name, dataset file -> "save_s bytes load_s"
  local name=$1 data=$2 dir="$ARTIFACTS/$1-data"
  rm -rf "$dir"; mkdir -p "$dir"
  launch "$name" "$dir"
  redis-cli -p "${PORT[$name]}" --pipe < "$data" >/dev/null
  local t0 t1; t0=$(date +%s.%N); redis-cli -p "${PORT[$name]}" save >/dev/null; t1=$(date +%s.%N)
  local bytes; bytes=$(stat -c %s "$dir/dump.rdb")
  stop "$name"
  launch "$name" "$dir"
  local load; load=$(grep -o 'DB loaded from disk: [0-9.]* seconds' "$ARTIFACTS/$name.log" | grep -o '[0-9.]*' | head -1)
  stop "$name"
  echo "$(echo "$t1 - $t0" | bc) $bytes $load"
}

echo "| dataset | SAVE RedisClean | SAVE redis-server | ratio | file RedisClean | file redis-server | load RedisClean | load redis-server | ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
for dataset in hash-small list-small set-small intset-small zset-small hash-large list-large set-large intset-large zset-large; do
  data="$ARTIFACTS/$dataset.resp"
  fill "$dataset" > "$data"
  read -r as ab al < <(measure RedisClean-event-loop "$data")
  read -r bs bb bl < <(measure redis-server "$data")
  echo "| $dataset | ${as} s | ${bs} s | $(echo "scale=2; $as / $bs" | bc) | $ab | $bb | ${al} s | ${bl} s | $(echo "scale=2; $al / $bl" | bc) |"
done
