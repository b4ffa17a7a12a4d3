--TEST--
EventHttp: a freed EventBase, the server destroyed inside its own callback, and the base freed under live connections raise Error or work (PECL segfaults, fails libevent's assertion, or corrupts the heap)
--EXTENSIONS--
event
--FILE--
<?php
function serve(EventBase $base, ?int &$port): EventHttp {
    $http = new EventHttp($base);
    $sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_bind($sock, '127.0.0.1', 0);
    socket_listen($sock, 16);
    socket_getsockname($sock, $addr, $port);
    $http->accept($sock);
    $GLOBALS['listening'][] = $sock;
    return $http;
}
function exchange(EventBase $base, int $port, string $bytes, float $idle = 0.2): string {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    stream_set_blocking($c, false);
    fwrite($c, $bytes);
    $out = ''; $last = microtime(true);
    while (microtime(true) - $last < $idle) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $out .= '[closed]'; break; }
        usleep(1000);
    }
    fclose($c);
    $base->loop(EventBase::LOOP_NONBLOCK);
    return json_encode(preg_replace('/^Date: .*\r\n/m', '', $out));
}
function t(callable $f): void {
    try { $r = $f(); echo var_export($r, true), "\n"; }
    catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
echo "--- a server on a freed base\n";
$b = new EventBase();
$h = new EventHttp($b);
$b->free();
t(fn() => $h->bind('127.0.0.1', 0));
t(fn() => $h->accept(socket_create(AF_INET, SOCK_STREAM, SOL_TCP)));
$b2 = new EventBase();
$b2->free();
t(fn() => (new EventHttp($b2))->bind('127.0.0.1', 0));

echo "--- the server destroyed in its callback\n";
$base = new EventBase();
$http = serve($base, $port);
$http->setCallback('/unset', function (EventHttpRequest $req) {
    $GLOBALS['http'] = null;
    echo "server gone\n";
    t(fn() => $req->sendReply(200, 'OK'));
});
echo exchange($base, $port, "GET /unset HTTP/1.1\r\n\r\n"), "\n";

echo "--- the base freed while a connection is open\n";
$base = new EventBase();
$http = serve($base, $port);
$kept = null;
$http->setDefaultCallback(function (EventHttpRequest $req) use (&$kept) { $kept = $req; });
$c = stream_socket_client("tcp://127.0.0.1:$port");
fwrite($c, "GET / HTTP/1.1\r\n\r\n");
$t = microtime(true);
while (!$kept && microtime(true) - $t < 2) { $base->loop(EventBase::LOOP_NONBLOCK); usleep(1000); }
$base->free();
echo "base freed\n";
t(fn() => $kept->getUri());
t(fn() => $kept->sendReply(200, 'OK'));
$http = null;
echo "server gone\n";
t(fn() => $kept->getUri());
fclose($c);
?>
--EXPECT--
--- a server on a freed base
Error: EventBase object has been freed
Error: EventBase object has been freed
Error: EventBase object has been freed
--- the server destroyed in its callback
server gone
Error: EventHttpRequest object has been freed
"[closed]"
--- the base freed while a connection is open
base freed
'/'
NULL
server gone
Error: EventHttpRequest object has been freed
