#!/usr/bin/env bash
# The lab's central experiment: two clients against one thread, watched with strace.
# Client A connects and stays for three seconds; client B connects half a second later and sends PING.
#
#   scripts/demo-two-clients.sh                       # blocking (default): B is accepted only after A's close
#   IO_MODEL=event-loop scripts/demo-two-clients.sh   # the event loop: B is accepted and answered at once
#
# With the event loop it also traces epoll_wait, and ends by listing every thread of the process that made a socket
# call (accept4, recv*, sendto, epoll_*), which must be the one serving thread.
# Needs strace and nc (installs them from Debian when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-6379}
IO_MODEL=${IO_MODEL:-blocking}
OUT=${OUT:-artifacts/demo}
mkdir -p "$OUT"

for tool in strace nc; do
  command -v "$tool" >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace netcat-openbsd >/dev/null; }
done
dotnet build Redis.Server -c Release -v q -nologo >/dev/null

dotnet Redis.Server/bin/Release/net10.0/Redis.Server.dll --port "$PORT" --io-model "$IO_MODEL" >"$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
sleep 0.5

# Only the calls that matter: accepting, receiving (.NET uses recvmsg, and recvfrom for a span), sending, closing, and the loop's waits.
calls=accept4,recvmsg,recvfrom,sendto,close
[ "$IO_MODEL" = event-loop ] && calls+=,epoll_wait,epoll_ctl
strace -f -tt -e trace="$calls" -p "$server" -o "$OUT/strace.txt" &
tracer=$!
sleep 1

stamp() { date +%T.%3N; }
( (printf 'PING\r\n'; sleep 3; printf 'ECHO bye-from-A\r\n'; sleep 0.2) | nc -q1 127.0.0.1 "$PORT" \
    | while IFS= read -r line; do echo "$(stamp) A got: ${line%$'\r'}"; done ) &
client_a=$!
sleep 0.5
echo "$(stamp) B connects and sends PING"
printf 'PING\r\n' | nc -q1 127.0.0.1 "$PORT" | while IFS= read -r line; do echo "$(stamp) B got: ${line%$'\r'}"; done
wait "$client_a" 2>/dev/null || true
sleep 0.3
kill "$tracer" 2>/dev/null; wait "$tracer" 2>/dev/null || true

echo
echo "--- server log"
cat "$OUT/server.log"
echo
echo "--- strace of the serving thread ($calls; would-block reads and idle epoll_wait timeouts left out)"
thread=$(grep -m1 'accept4' "$OUT/strace.txt" | awk '{print $1}')
grep "^$thread " "$OUT/strace.txt" | grep -v -e 'EAGAIN' -e 'resumed>' -e 'epoll_wait(.*) = 0$' | sed 's/<unfinished ...>//'
echo
echo "--- threads that made a socket call (accept4, recv*, sendto, epoll_*): thread id, calls"
grep -E ' (accept4|recvmsg|recvfrom|sendto|epoll_wait|epoll_ctl)\(' "$OUT/strace.txt" | awk '{print $1}' | sort | uniq -c | awk '{print $2, $1}'
