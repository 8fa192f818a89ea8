# free_port prints a loopback port nothing listens on. Sourced by servers.sh and twemproxy.sh.
#
# Below Linux's ephemeral range (32768-60999): a port that thousands of client connections used a moment ago may
# still be held by their TIME-WAIT entries, and a server could not bind it.
free_port() {
  local p
  for p in $(shuf -i 20000-32000 -n 200); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}
