#!/usr/bin/env bash
# Runs the whole test suite. The end-to-end tests drive the real redis-cli and redis-benchmark and compare replies
# with a real redis-server, so this installs Debian's redis-tools and redis-server first when they are missing.
# Extra arguments go to `dotnet test`.
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

exec dotnet test RedisClean.sln "$@"
