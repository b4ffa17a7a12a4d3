--TEST--
seed prefork_server.php: runs unchanged in its own process group, answers 100 connections on 127.0.0.1:9999
--EXTENSIONS--
sockets
pcntl
--FILE--
<?php
$port = 9999;
// The seed binds 0.0.0.0:9999 without SO_REUSEADDR: a busy port is a failure, never a skip.
$ctx = stream_context_create(["socket" => ["so_reuseaddr" => false]]);
$probe = @stream_socket_server("tcp://0.0.0.0:$port", $no, $str, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
if (!$probe) { die("FAIL: port $port is busy before starting the seed: $str\n"); }
fclose($probe);

$args = getenv('TEST_PHP_EXTRA_ARGS');
$seed = __DIR__ . '/../../examples/prefork_server.php';
$cmd = 'exec setsid ' . escapeshellarg(PHP_BINARY) . " $args " . escapeshellarg($seed);
$proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
$pgid = proc_get_status($proc)['pid'];
register_shutdown_function(function () use ($pgid, $proc, $pipes) {
    // The shell's builtin kill: /bin/kill (procps) is absent on a minimal Debian.
    exec("kill -TERM -$pgid 2>/dev/null; sleep 0.3; kill -KILL -$pgid 2>/dev/null");
    stream_set_timeout($pipes[1], 5);
    $out = stream_get_contents($pipes[1]);
    proc_close($proc);
    echo "seed output: ", json_encode($out), "\n";
});

// Wait for the listener; abortive closes everywhere so no TIME_WAIT keeps the port busy.
// 60 s: under valgrind (scripts/valgrind.sh) the seed starts in 10 s or more on a loaded machine.
$deadline = microtime(true) + 60;
do {
    $c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_set_option($c, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
    $up = @socket_connect($c, '127.0.0.1', $port);
    if ($up) { socket_set_option($c, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 0]); while (($r = socket_read($c, 64)) !== false && $r !== '') {} }
    socket_close($c);
    if ($up) break;
    usleep(50000);
} while (microtime(true) < $deadline);
if (!$up) { die("FAIL: the seed never listened\n"); }

$ok = 0;
for ($i = 0; $i < 100; $i++) {
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ["sec" => 5, "usec" => 0]);
    if (!socket_connect($s, '127.0.0.1', $port)) { die("FAIL: connect #$i\n"); }
    $got = '';
    while (($r = socket_read($s, 1024)) !== false && $r !== '') { $got .= $r; }
    // Abortive close: no TIME_WAIT keeps the seed's port busy afterwards.
    socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
    socket_close($s);
    if ($got === "helloworld\r\n") { $ok++; } else { echo "connection #$i got ", json_encode($got), "\n"; }
}
echo "$ok/100\n";
?>
--EXPECT--
100/100
seed output: ""
