#!/usr/bin/env bash
# Resident memory of 10,000 idle connections: RedisClean's event loop beside redis-server, same client.
#
#   scripts/idle-connections-rss.sh                     # 10,000 connections
#   CONNECTIONS=5000 scripts/idle-connections-rss.sh
#   SERVER_DLL=path/to/Redis.Server.dll scripts/idle-connections-rss.sh   # another build, e.g. an older revision
#
# Each server starts empty; the client opens the connections, pings over one more, waits 3 s (past the 2 s after
# which RedisClean gives an idle connection's buffers back) and the script reads VmRSS before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-10000}
ARTIFACTS=${ARTIFACTS:-artifacts/bench}
CUSTOM_DLL=${SERVER_DLL:-}
source scripts/servers.sh
SERVER_DLL=${CUSTOM_DLL:-$SERVER_DLL}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

measure() { # name pid port
  local name=$1 pid=$2 port=$3 before after
  redis-cli -p "$port" ping >/dev/null
  before=$(rss_kib "$pid")
  python3 - "$port" "$CONNECTIONS" "$pid" <<'PY'
import socket, sys, time, resource
port, count = int(sys.argv[1]), int(sys.argv[2])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1000), hard))
idle = []
for i in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    idle.append(s)
busy = socket.create_connection(("127.0.0.1", port))
busy.sendall(b"PING\r\n"); assert busy.recv(16) == b"+PONG\r\n"
time.sleep(3)
busy.sendall(b"INFO clients\r\n"); time.sleep(0.2)
info = busy.recv(65536).decode()
print([l for l in info.split("\r\n") if l.startswith("connected_clients")][0], file=sys.stderr)
with open("/proc/%s/status" % sys.argv[3]) as f:
    print([l.split()[1] for l in f if l.startswith("VmRSS")][0])
PY
}

for name in RedisClean redis-server; do
  port=$(free_port)
  if [ "$name" = RedisClean ]; then
    dotnet "$SERVER_DLL" --port "$port" --io-model event-loop --maxclients $((CONNECTIONS + 100)) --tcp-backlog 4096 \
      --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
  else
    redis-server --port "$port" --save '' --appendonly no --maxclients $((CONNECTIONS + 100)) --tcp-backlog 4096 >/dev/null 2>&1 &
  fi
  pid=$!; PID[$name]=$pid
  for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  before=$(rss_kib "$pid")
  after=$(measure "$name" "$pid" "$port")
  echo "$name: RSS ${before} KiB empty, ${after} KiB with $CONNECTIONS idle connections: $(( (after - before) * 1024 / CONNECTIONS )) bytes each"
  kill "$pid"; wait "$pid" 2>/dev/null || true; unset "PID[$name]"
done
