#!/usr/bin/env bash
# Runs the whole test suite. The end-to-end tests drive the real redis-cli and redis-benchmark, compare replies
# with a real redis-server, run the official redis npm client and shard keys through twemproxy, so this installs
# Debian's redis-tools, redis-server, nutcracker, nodejs and npm first when they are missing, and the npm client
# (tests/node-redis, from its package-lock.json) when its node_modules is. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-cli >/dev/null 2>&1 || ! command -v redis-benchmark >/dev/null 2>&1 \
  || ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-tools (redis-cli, redis-benchmark) and redis-server (the reference for the differential tests)..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-tools redis-server >/dev/null
  # The package may start a service on 6379; the tests start their own redis-server on a free port instead.
  $sudo systemctl disable --now redis-server >/dev/null 2>&1 || $sudo service redis-server stop >/dev/null 2>&1 || true
fi

if ! command -v nutcracker >/dev/null 2>&1; then
  echo "Installing nutcracker (twemproxy, for the sharding end-to-end tests)..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nutcracker >/dev/null
  # The package installs a service (port 22121); the tests start their own nutcracker on a free port instead.
  $sudo systemctl disable --now nutcracker >/dev/null 2>&1 || $sudo service nutcracker stop >/dev/null 2>&1 || true
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing nodejs and npm (for the redis npm client's end-to-end test)..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi

if [ ! -d tests/node-redis/node_modules ]; then
  echo "Installing the redis npm client into tests/node-redis (npm ci)..."
  (cd tests/node-redis && npm ci --no-audit --no-fund --loglevel=error)
fi

exec dotnet test RedisClean.sln "$@"
