#!/usr/bin/env bash
# Runs the whole test suite. The end-to-end tests drive the real redis-cli and redis-benchmark,
# so this installs Debian's redis-tools first when they are missing. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-cli >/dev/null 2>&1 || ! command -v redis-benchmark >/dev/null 2>&1; then
  echo "Installing redis-tools (redis-cli, redis-benchmark) for the end-to-end tests..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-tools >/dev/null
fi

exec dotnet test RedisClean.sln "$@"
