#!/usr/bin/env bash
# Append-only file side by side: SET throughput (redis-benchmark -t set, 50 clients, 16-byte values over KEYS random
# keys) with no persistence, appendfsync everysec and appendfsync always, for RedisClean (event loop with 50 clients,
# and the blocking one-client model with 1) beside redis-server in the same run, as a ratio; the size of the append-only
# directory after each run, and after a BGREWRITEAOF.
# Usage: scripts/bench-aof.sh [REQUESTS] [KEYS]   (default 200000 100000). Writes into artifacts/aof/.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-200000}
KEYS=${2:-100000}
ARTIFACTS=artifacts/aof
source scripts/servers.sh

rps() { # port, clients
  redis-benchmark -p "$1" -t set -n "$REQUESTS" -c "$2" -r "$KEYS" -d 16 --csv 2>/dev/null | awk -F'","' '/^"SET"/ {gsub(/"/, "", $2); print $2}'
}

launch() { # name, dir, extra args...
  local name=$1 dir=$2; shift 2
  local port; port=$(free_port)
  case $name in
    RedisClean-event-loop) dotnet "$SERVER_DLL" --port "$port" --io-model event-loop --dir "$dir" "$@" >"$ARTIFACTS/$name.log" 2>&1 & ;;
    RedisClean) dotnet "$SERVER_DLL" --port "$port" --dir "$dir" "$@" >"$ARTIFACTS/$name.log" 2>&1 & ;;
    redis-server) redis-server --port "$port" --save '' --dir "$dir" "$@" >"$ARTIFACTS/$name.log" 2>&1 & ;;
  esac
  PID[$name]=$!; PORT[$name]=$port
  for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "$name did not start; see $ARTIFACTS/$name.log" >&2; exit 1
}

run_one() { # name, clients, mode: prints "rps size rewritten"
  local name=$1 clients=$2 mode=$3 dir="$ARTIFACTS/$1-$3"
  rm -rf "$dir"; mkdir -p "$dir"
  if [ "$mode" = off ]; then launch "$name" "$dir" --appendonly no; else launch "$name" "$dir" --appendonly yes --appendfsync "$mode" --auto-aof-rewrite-percentage 0; fi
  local r size=- rewritten=-; r=$(rps "${PORT[$name]}" "$clients")
  if [ "$mode" != off ]; then
    size=$(du -sb "$dir/appendonlydir" | cut -f1)
    redis-cli -p "${PORT[$name]}" bgrewriteaof >/dev/null
    while redis-cli -p "${PORT[$name]}" info persistence | grep -q 'aof_rewrite_in_progress:1'; do sleep 0.1; done
    sleep 0.5
    rewritten=$(du -sb "$dir/appendonlydir" | cut -f1)
  fi
  stop "$name"
  echo "$r $size $rewritten"
}

# One row per mode, RedisClean and redis-server measured one after the other so both see the same machine.
measure() { # our name, clients
  local ours=$1 clients=$2
  echo "## $ours beside redis-server, -c $clients, $REQUESTS requests"
  echo "| appendfsync | $ours rps | redis-server rps | ratio | $ours AOF bytes (after BGREWRITEAOF) | redis-server AOF bytes (after BGREWRITEAOF) |"
  echo "|---|---|---|---|---|---|"
  for mode in off everysec always; do
    read -r a asize arew < <(run_one "$ours" "$clients" "$mode")
    read -r b bsize brew < <(run_one redis-server "$clients" "$mode")
    echo "| $mode | $a | $b | $(echo "scale=2; $a / $b" | bc) | $asize ($arew) | $bsize ($brew) |"
  done
}

measure RedisClean-event-loop 50
measure RedisClean 1
