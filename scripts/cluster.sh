#!/usr/bin/env bash
# Runs a Redis Cluster of N RedisClean nodes on loopback: starts each node on its own free port (and bus port) with
# cluster-enabled yes in a temporary directory, joins them with `redis-cli --cluster create ... --cluster-yes`, then
# waits until Ctrl-C, which stops every node.
#
#   scripts/cluster.sh                         # 3 nodes
#   scripts/cluster.sh --nodes 5 --no-build
#   scripts/cluster.sh --check                 # create the cluster, write and read through redis-cli -c, stop
#   scripts/cluster.sh --redis-server          # Debian's redis-server nodes instead, for comparison
#
# Options: --nodes N (3), --no-build (use the Release build as it is), --check, --redis-server; CLEAN_ARGS="..." adds
# options to every RedisClean node. Clients connect to any node with cluster support: redis-cli -c -p <port>,
# redis-benchmark --cluster -p <port>. It installs redis-tools when redis-cli is missing. See docs/cluster.md.
set -euo pipefail
cd "$(dirname "$0")/.."

NODES=3
BUILD=yes
CHECK=no
BACKEND=RedisClean
while [ $# -gt 0 ]; do
  case $1 in
    --nodes) NODES=$2; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    --check) CHECK=yes; shift ;;
    --redis-server) BACKEND=redis-server; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if ! command -v redis-cli >/dev/null; then
  echo "Installing redis-tools..." >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-tools >/dev/null
fi

POOL=cluster
source scripts/pool.sh

ADDRESSES=()
PORTS=()
for i in $(seq "$NODES"); do
  port=$(free_port)
  bus=$(free_port)
  mkdir -p "$DIR/node-$i"
  log="$DIR/node-$i.log"
  if [ "$BACKEND" = RedisClean ]; then
    # The event loop: redis-cli --cluster keeps a connection to every node open while it waits for the join.
    # shellcheck disable=SC2086 # CLEAN_ARGS holds options
    dotnet "$SERVER_DLL" --port "$port" --cluster-enabled yes --cluster-port "$bus" --dir "$DIR/node-$i" \
      --timeout 0 --io-model event-loop ${CLEAN_ARGS:-} >"$log" 2>&1 &
  else
    redis-server --port "$port" --cluster-enabled yes --cluster-port "$bus" --dir "$DIR/node-$i" --bind 127.0.0.1 \
      --save '' --appendonly no >"$log" 2>&1 &
  fi
  PIDS+=($!)
  wait_for_ping "$port" "$log"
  ADDRESSES+=("127.0.0.1:$port")
  PORTS+=("$port")
  echo "node$i: $BACKEND on 127.0.0.1:$port, bus $bus (log $log, nodes.conf in $DIR/node-$i)"
done

timeout 120 redis-cli --cluster create "${ADDRESSES[@]}" --cluster-yes

if [ "$CHECK" = yes ]; then
  for key in foo bar '{user1000}.following'; do
    redis-cli -c -p "${PORTS[0]}" set "$key" "value of $key" >/dev/null
    echo "$key -> $(redis-cli -c -p "${PORTS[-1]}" get "$key") (slot $(redis-cli -p "${PORTS[0]}" cluster keyslot "$key"))"
  done
  redis-cli -p "${PORTS[0]}" cluster info | grep -E '^cluster_(state|known_nodes|slots_assigned)'
  exit 0
fi

echo "Cluster of $NODES nodes: redis-cli -c -p ${PORTS[0]}; Ctrl-C stops every node."
wait "${PIDS[0]}"
