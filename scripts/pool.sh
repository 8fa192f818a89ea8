# Shared by twemproxy.sh and cluster.sh, which start a pool of servers on loopback. Set BACKEND (RedisClean or
# redis-server), BUILD (yes or no) and POOL (a name for the temporary directory) before sourcing it. It builds
# RedisClean (Release) when asked, makes DIR, keeps the pids of what the script starts in PIDS, stops them all and
# removes DIR when the script exits, and defines free_port and wait_for_ping PORT LOG.

SERVER_DLL=${SERVER_DLL:-Redis.Server/bin/Release/net10.0/Redis.Server.dll}
if [ "$BACKEND" = RedisClean ] && [ "$BUILD" = yes ]; then
  echo "Building RedisClean (Release)..." >&2
  dotnet build Redis.Server -c Release -v q -nologo >/dev/null
fi

DIR=$(mktemp -d -t "$POOL.XXXXXX")
PIDS=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

source scripts/ports.sh

wait_for_ping() { # port log
  for _ in $(seq 150); do redis-cli -p "$1" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "Nothing answers PING on port $1; see $2" >&2; exit 1
}
