--TEST--
EventHttp: wrk with 1,000 keep-alive connections against a hello-world server, no errors, every reply counted
--EXTENSIONS--
event
sockets
--SKIPIF--
<?php
if (!class_exists('EventHttp')) die('skip needs EventHttp');
$found = false;
foreach (explode(':', getenv('PATH') ?: '/usr/bin:/bin') as $dir) $found = $found || is_executable("$dir/wrk");
if (!$found) die('skip needs wrk (scripts/setup.sh installs it)');
?>
--FILE--
<?php
const CONNECTIONS = 1000;
// wrk holds 1,000 sockets and so does the server: leave room under RLIMIT_NOFILE.
$lim = posix_getrlimit();
if ((int) $lim['soft openfiles'] < 4096 && $lim['hard openfiles'] !== 'unlimited' && (int) $lim['hard openfiles'] >= 4096) {
    posix_setrlimit(POSIX_RLIMIT_NOFILE, 4096, (int) $lim['hard openfiles']);
}
$base = new EventBase();
$http = new EventHttp($base);
$served = 0;
$http->setDefaultCallback(function (EventHttpRequest $req) use (&$served) {
    $served++;
    $req->addHeader('Content-Type', 'text/plain', EventHttpRequest::OUTPUT_HEADER);
    $body = new EventBuffer();
    $body->add("hello " . $req->getUri());
    $req->sendReply(200, 'OK', $body);
});
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_option($sock, SOL_SOCKET, SO_REUSEADDR, 1);
socket_bind($sock, '127.0.0.1', 0) or die("bind failed\n");
socket_listen($sock, 2048);
socket_getsockname($sock, $addr, $port);
var_dump($http->accept($sock));

$wrk = proc_open(['wrk', '-t1', '-c' . CONNECTIONS, '-d3s', '--timeout', '10s', "http://127.0.0.1:$port/wrk"],
    [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
stream_set_blocking($pipes[1], false);
stream_set_blocking($pipes[2], false);
$out = '';
$deadline = microtime(true) + 60;
// Poll wrk's exit from the loop itself: the server keeps serving meanwhile.
$poll = new Event($base, -1, Event::TIMEOUT | Event::PERSIST, function () use ($base, $wrk, $pipes, &$out, $deadline) {
    $out .= stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    if (!proc_get_status($wrk)['running']) {
        $base->exit();
    } elseif (microtime(true) > $deadline) {
        echo "wrk still running after 60 s: stopping it\n";
        proc_terminate($wrk, 9);
        $base->exit();
    }
});
$poll->add(0.05);
$base->loop();
stream_set_blocking($pipes[1], true);
stream_set_blocking($pipes[2], true);
$out .= stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
proc_close($wrk);

if (!preg_match('/(\d+) requests in/', $out, $m)) { echo "no wrk summary:\n$out\n"; exit; }
$completed = (int) $m[1];
echo "connected ", preg_match('/' . CONNECTIONS . ' connections/', $out) ? CONNECTIONS : "?", "\n";
echo "socket errors: ", preg_match('/Socket errors:.*/', $out, $e) ? $e[0] : "none", "\n";
echo "non-2xx: ", preg_match('/Non-2xx.*/', $out, $e) ? $e[0] : "none", "\n";
echo "completed > 1000: ", var_export($completed > 1000, true), "\n";
// wrk counts replies it read; the server may have answered a few more before wrk stopped.
echo "served >= completed: ", var_export($served >= $completed, true), "\n";
if ($served < $completed || $completed <= 1000) echo $out, "served=$served\n";
?>
--EXPECT--
bool(true)
connected 1000
socket errors: none
non-2xx: none
completed > 1000: true
served >= completed: true
