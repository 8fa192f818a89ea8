#!/usr/bin/env bash
# Model-based soak: millions of random SET/GET/DEL/EXISTS/EXPIRE/PEXPIRE/TTL/PTTL/PERSIST/INCR/DECR/INCRBY/DECRBY/
# APPEND/STRLEN/MSET/MGET/GETDEL/SETNX commands, and hash, list, set, sorted-set, bitmap, TYPE and RENAME ones, pipelined, in RESP and inline form, against the real server (in
# process, on a free loopback port, with a fake clock moved randomly between batches), each reply compared byte for
# byte with a simple in-memory model (tests/Redis.Testing/Soak). Prints the operations done, operations per second
# and mismatches; exits 1 on any mismatch.
#
#   scripts/soak.sh                    # 3,000,000 operations, seed 1
#   scripts/soak.sh 10000000           # ten million
#   scripts/soak.sh 3000000 --seed 7   # another seed; a failure reproduces with the seed it printed
#   scripts/soak.sh 1000000 --keys 1000 --pipeline 8
set -euo pipefail
cd "$(dirname "$0")/.."

OPERATIONS=${1:-3000000}
shift || true

echo "Building tools/Redis.Soak (Release)..." >&2
dotnet build tools/Redis.Soak -c Release -v q -nologo >/dev/null
exec dotnet tools/Redis.Soak/bin/Release/net10.0/Redis.Soak.dll "$OPERATIONS" "$@"
