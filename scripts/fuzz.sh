#!/usr/bin/env bash
# Fuzzes the request reader (RequestReader) for a fixed time, then prints the executions done and the crashes found.
#
#   scripts/fuzz.sh                    # 60 s with afl-fuzz
#   scripts/fuzz.sh 600                # 10 minutes
#   ENGINE=mutate scripts/fuzz.sh 60   # Redis.Fuzz's own mutation loop instead of afl-fuzz
#   ENGINE=mutate SEED=7 scripts/fuzz.sh
#   ENGINE=server scripts/fuzz.sh 120 # mutated command streams (every data type) sent to the real server in process
#
# ENGINE=afl (default): afl-fuzz (Debian's afl++, installed when missing) runs tools/Redis.Fuzz through SharpFuzz, with
# the protocol code of Redis.Infrastructure and the integer parser of Redis.Application instrumented for coverage.
# ENGINE=mutate: Redis.Fuzz's own loop (mutations and splices of valid requests, random bytes; no coverage feedback),
# also used when afl-fuzz cannot be installed. Either way each input is checked by tools/Redis.Fuzz/ReaderOracle.cs
# with small limits (bulk 64, inline 64, 8 arguments).
#
# Crash inputs are copied to artifacts/fuzz/crashes; keep each one as a regression test by copying it into
# tests/Redis.Protocol.Tests/FuzzRegressions/ under a name that says what it broke.
# Exit code 1 when any crash was found.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-60}
ENGINE=${ENGINE:-afl}
SEED=${SEED:-1}
OUT=${ARTIFACTS:-artifacts/fuzz}
REGRESSIONS=tests/Redis.Protocol.Tests/FuzzRegressions
mkdir -p "$OUT"
rm -rf "$OUT/crashes"

if [ "$ENGINE" = afl ] && ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "Installing afl++ (Debian)..." >&2
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq afl++ >/dev/null; }; then
    echo "afl++ could not be installed: using the built-in mutation loop (ENGINE=mutate)." >&2
    ENGINE=mutate
  fi
fi

echo "Building tools/Redis.Fuzz (Release)..." >&2
dotnet build tools/Redis.Fuzz -c Release -v q -nologo >/dev/null
FUZZ_DLL=tools/Redis.Fuzz/bin/Release/net10.0/Redis.Fuzz.dll

if [ "$ENGINE" = server ]; then
  set +e
  dotnet "$FUZZ_DLL" server --seconds "$DURATION" --seed "$SEED" --crashes "$OUT/crashes"
  exit $?
fi

if [ "$ENGINE" = mutate ]; then
  set +e
  dotnet "$FUZZ_DLL" mutate --seconds "$DURATION" --seed "$SEED" --crashes "$OUT/crashes"
  exit $?
fi

# afl-fuzz needs its own copy of the build: SharpFuzz instruments the assemblies in place.
rm -rf "$OUT/bin" "$OUT/seeds" "$OUT/findings"
dotnet publish tools/Redis.Fuzz -c Release -o "$OUT/bin" -v q -nologo >/dev/null
dotnet tool restore >/dev/null
dotnet sharpfuzz "$OUT/bin/Redis.Infrastructure.dll" Redis.Infrastructure.Protocol >/dev/null
dotnet sharpfuzz "$OUT/bin/Redis.Application.dll" Redis.Application.Common.RedisInteger >/dev/null
dotnet "$FUZZ_DLL" seeds "$OUT/seeds" >/dev/null
cp "$REGRESSIONS"/*.bin "$OUT/seeds/" 2>/dev/null || true

echo "afl-fuzz for $DURATION s (log: $OUT/afl.log)..." >&2
# No core-dump handler, CPU frequency or affinity set-up is needed for a managed target on a shared machine.
AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1 \
  afl-fuzz -V "$DURATION" -i "$OUT/seeds" -o "$OUT/findings" -t 5000 -m none -- dotnet "$OUT/bin/Redis.Fuzz.dll" afl \
  >"$OUT/afl.log" 2>&1 || { tail -20 "$OUT/afl.log" >&2; exit 2; }

stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$OUT/findings/default/fuzzer_stats"; }
crashes=0
mkdir -p "$OUT/crashes"
for f in "$OUT"/findings/default/crashes/id:*; do
  [ -e "$f" ] || continue
  cp "$f" "$OUT/crashes/crash-$(sha256sum "$f" | cut -c1-16).bin"
  crashes=$((crashes + 1))
done

echo "fuzz (afl-fuzz + SharpFuzz): $(stat execs_done) executions in $(stat run_time) s ($(stat execs_per_sec)/s)," \
  "$crashes crashes, $(stat saved_hangs) hangs, corpus $(stat corpus_count), $(stat edges_found) edges"
if [ "$crashes" -gt 0 ]; then
  # Replayed on the uninstrumented build, to print what each input broke.
  dotnet "$FUZZ_DLL" replay "$OUT/crashes" || true
  exit 1
fi
