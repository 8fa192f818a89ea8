# Shared by the benchmark scripts: builds RedisClean and its client (Release), installs redis-server when missing,
# and starts and stops servers on free loopback ports. Source it after setting ARTIFACTS; every server started
# is stopped when the sourcing script exits.
#
#   start NAME    NAME is RedisClean (blocking), RedisClean-event-loop, redis-server or Garnet; sets PID[NAME] and PORT[NAME]
#   stop NAME

if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  echo "Installing redis-server and redis-tools..." >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server redis-tools >/dev/null
fi

echo "Building RedisClean and its client (Release)..." >&2
dotnet build Redis.Server -c Release -v q -nologo >/dev/null
dotnet build Redis.Client -c Release -v q -nologo >/dev/null
dotnet build tools/Redis.LoadGen -c Release -v q -nologo >/dev/null
SERVER_DLL=Redis.Server/bin/Release/net10.0/Redis.Server.dll
CLIENT_DLL=Redis.Client/bin/Release/net10.0/Redis.Client.dll
LOADGEN_DLL=tools/Redis.LoadGen/bin/Release/net10.0/Redis.LoadGen.dll
GARNET="$ARTIFACTS/garnet/garnet-server"
mkdir -p "$ARTIFACTS"

declare -A PID PORT
cleanup() { for s in "${!PID[@]}"; do kill "${PID[$s]}" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

source scripts/ports.sh

start() { # name
  local name=$1 port; port=$(free_port)
  case $name in
    RedisClean) dotnet "$SERVER_DLL" --port "$port" ${CLEAN_ARGS:-} >"$ARTIFACTS/$name.log" 2>&1 & ;;
    RedisClean-event-loop) dotnet "$SERVER_DLL" --port "$port" --io-model event-loop ${CLEAN_ARGS:-} >"$ARTIFACTS/$name.log" 2>&1 & ;;
    redis-server) redis-server --port "$port" --save '' --appendonly no >"$ARTIFACTS/$name.log" 2>&1 & ;;
    Garnet) "$GARNET" --port "$port" --bind 127.0.0.1 >"$ARTIFACTS/$name.log" 2>&1 & ;;
  esac
  PID[$name]=$!; PORT[$name]=$port
  for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "$name did not start; see $ARTIFACTS/$name.log" >&2; exit 1
}

stop() { kill "${PID[$1]}" 2>/dev/null || true; wait "${PID[$1]}" 2>/dev/null || true; unset "PID[$1]"; }

