#!/usr/bin/env bash
# Seed test for examples/prefork_server.php (run unchanged on php-ipc alone):
# starts it in its own process group, connects to 127.0.0.1:9999 a hundred
# times from another process, expects "helloworld\r\n" each time, then ends
# the whole process group. Fails (never passes silently) when port 9999 is
# busy. Bounded in time. Usage: scripts/probe-prefork.sh <path-to-libphp_ipc.so>
set -uo pipefail
cd "$(dirname "$0")/.."
SO="${1:?usage: $0 <path-to-libphp_ipc.so>}"
PORT=9999
N=${PREFORK_CONNECTIONS:-100}

# The seed binds 0.0.0.0:9999 without SO_REUSEADDR: check exactly that.
if ! php -n -r '
  $ctx = stream_context_create(["socket" => ["so_reuseaddr" => false]]);
  $s = @stream_socket_server("tcp://0.0.0.0:'$PORT'", $no, $str, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
  if (!$s) { fwrite(STDERR, "port '$PORT' is busy: $str\n"); exit(1); }'; then
  echo "probe-prefork: FAIL: port $PORT is busy before starting the seed (something listens there or sockets linger in TIME_WAIT)"
  exit 1
fi

# The client: native ext/sockets if present (independent of the code under
# test), else ours. Closes with SO_LINGER 0 so no TIME_WAIT blocks the port
# for the next run.
CLIENT_EXT="-d extension=sockets"
php -n $CLIENT_EXT -r 'exit(function_exists("socket_create") ? 0 : 1);' 2>/dev/null || CLIENT_EXT="-d extension=$SO"

# shellcheck source=lib/procs.sh
. scripts/lib/procs.sh
log=$(mktemp)
leader= client=
cleanup() {
  # The client runs under timeout(1), which passes TERM on to it.
  [ -n "$client" ] && kill -TERM "$client" 2>/dev/null
  stop_group "$leader"
  rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
setsid php -n -d extension="$SO" examples/prefork_server.php >"$log" 2>&1 </dev/null &
leader=$!
group_leader_ready "$leader" || { echo "probe-prefork: FAIL: the seed is not its own process group leader (pid=$leader pgid=$(proc_pgid "$leader"))"; exit 1; }

# In the background and waited for, so a TERM/INT to this script runs the
# cleanup at once (bash defers traps while a foreground child runs).
timeout 60 php -n $CLIENT_EXT -r '
  $port = '$PORT'; $n = '$N';
  // Wait (at most 10 s) for the server to listen.
  $deadline = microtime(true) + 10;
  // (abortive closes everywhere: no TIME_WAIT may keep the seed port busy)
  while (true) {
    $c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_set_option($c, SOL_SOCKET, SO_LINGER, ["l_onoff" => 1, "l_linger" => 0]);
    $up = @socket_connect($c, "127.0.0.1", $port);
    if ($up) { socket_set_option($c, SOL_SOCKET, SO_RCVTIMEO, ["sec" => 5, "usec" => 0]); while (($r = socket_read($c, 64)) !== false && $r !== "") {} }
    socket_close($c);
    if ($up) break;
    if (microtime(true) > $deadline) { echo "server never listened on $port\n"; exit(1); }
    usleep(50000);
  }
  $ok = 0;
  for ($i = 0; $i < $n; $i++) {
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ["sec" => 5, "usec" => 0]);
    if (!socket_connect($s, "127.0.0.1", $port)) { echo "connect #$i failed\n"; exit(1); }
    $got = "";
    while (($r = socket_read($s, 1024)) !== false && $r !== "") { $got .= $r; }
    socket_set_option($s, SOL_SOCKET, SO_LINGER, ["l_onoff" => 1, "l_linger" => 0]);
    socket_close($s);
    if ($got === "helloworld\r\n") { $ok++; } else { echo "connection #$i got ", json_encode($got), "\n"; exit(1); }
  }
  echo "$ok/$n connections answered helloworld\\r\\n\n";
  exit($ok === $n ? 0 : 1);' &
client=$!
wait "$client"
rc=$?
client=
if [ $rc -ne 0 ]; then
  echo "probe-prefork: FAIL (client exit $rc); server output:"; sed 's/^/    /' "$log" | head -20
  exit 1
fi
if [ -s "$log" ]; then echo "probe-prefork: FAIL: the seed printed:"; sed 's/^/    /' "$log" | head -20; exit 1; fi
echo "probe-prefork: PASS"
