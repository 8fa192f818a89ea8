#!/usr/bin/env bash
# Shards keys over N servers behind twemproxy (nutcracker), all on loopback: starts the servers, each on its own free
# port with `timeout 0`, writes nutcracker's configuration into a temporary directory (ketama over fnv1a_64, one
# connection per server, no ejection), runs nutcracker in the foreground and stops everything on Ctrl-C or exit.
#
#   scripts/twemproxy.sh                          # 3 RedisClean servers (blocking transport) behind 127.0.0.1:22121
#   scripts/twemproxy.sh --io-model event-loop    # the servers on the event loop
#   scripts/twemproxy.sh --redis-server           # Debian's redis-server instead, for comparison
#   scripts/twemproxy.sh --instances 5 --port 22122 --no-build
#
# Options: --instances N (3), --port P (nutcracker's port, 22121), --stats-port P (nutcracker's stats, on 127.0.0.1;
# a free port), --io-model blocking|event-loop (RedisClean's transport, blocking), --redis-server, --no-build (use
# the Release build as it is); CLEAN_ARGS="..." adds options to every RedisClean server. Clients connect to the
# nutcracker port: redis-cli -p 22121, redis-benchmark -p 22121. It installs nutcracker, redis-tools and (with
# --redis-server) redis-server when they are missing.
# See docs/twemproxy.md.
set -euo pipefail
cd "$(dirname "$0")/.."

INSTANCES=3
PORT=22121
STATS_PORT=""
IO_MODEL=blocking
BACKEND=RedisClean
BUILD=yes
while [ $# -gt 0 ]; do
  case $1 in
    --instances) INSTANCES=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --stats-port) STATS_PORT=$2; shift 2 ;;
    --io-model) IO_MODEL=$2; shift 2 ;;
    --redis-server) BACKEND=redis-server; shift ;;
    --no-build) BUILD=no; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

missing=()
command -v nutcracker >/dev/null || missing+=(nutcracker)
command -v redis-cli >/dev/null || missing+=(redis-tools)   # redis-cli tells when a server is up
[ "$BACKEND" = redis-server ] && ! command -v redis-server >/dev/null && missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..." >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  # nutcracker and redis-server come with services (on 22121 and 6379); this script runs its own.
  for service in "${missing[@]}"; do
    [ "$service" = redis-tools ] && continue
    $sudo systemctl disable --now "$service" >/dev/null 2>&1 || $sudo service "$service" stop >/dev/null 2>&1 || true
  done
fi

POOL=twemproxy
source scripts/pool.sh

SERVERS=""
for i in $(seq "$INSTANCES"); do
  port=$(free_port)
  log="$DIR/server-$i.log"
  if [ "$BACKEND" = RedisClean ]; then
    # shellcheck disable=SC2086 # CLEAN_ARGS holds options
    dotnet "$SERVER_DLL" --port "$port" --timeout 0 --io-model "$IO_MODEL" ${CLEAN_ARGS:-} >"$log" 2>&1 &
  else
    redis-server --port "$port" --bind 127.0.0.1 --timeout 0 --save '' --appendonly no --dir "$DIR" >"$log" 2>&1 &
  fi
  PIDS+=($!)
  wait_for_ping "$port" "$log"
  SERVERS+="    - 127.0.0.1:$port:1 shard$i"$'\n'
  echo "shard$i: $BACKEND on 127.0.0.1:$port (log $log)"
done

cat >"$DIR/nutcracker.yml" <<EOF
shards:
  listen: 127.0.0.1:$PORT
  hash: fnv1a_64
  distribution: ketama
  redis: true
  auto_eject_hosts: false
  server_connections: 1
  servers:
$SERVERS
EOF

STATS_PORT=${STATS_PORT:-$(free_port)}
nutcracker -c "$DIR/nutcracker.yml" -s "$STATS_PORT" -a 127.0.0.1 -o "$DIR/nutcracker.log" &
PIDS+=($!)
NUTCRACKER=$!
wait_for_ping "$PORT" "$DIR/nutcracker.log"
what=$BACKEND; [ "$BACKEND" = RedisClean ] && what+=" ($IO_MODEL)"
echo "nutcracker on 127.0.0.1:$PORT over $INSTANCES x $what; stats on 127.0.0.1:$STATS_PORT; configuration $DIR/nutcracker.yml"
echo "Ctrl-C stops nutcracker and the servers."
wait "$NUTCRACKER"
