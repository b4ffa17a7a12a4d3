--TEST--
EventHttp: sendReplyStart() to an HTTP/1.0 keep-alive client streams the body and closes (libevent 2.1 announces "Content-Length: 0" and keeps the connection, so the client reads the body as the next response)
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
$base = new EventBase();
$http = serve($base, $port);
$http->setCallback('/stream', function (EventHttpRequest $req) {
    $req->sendReplyStart(200, 'OK');
    foreach (['abc', 'def'] as $s) { $b = new EventBuffer(); $b->add($s); $req->sendReplyChunk($b); }
    $req->sendReplyEnd();
});
echo "1.0 keep-alive: ", exchange($base, $port, "GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"), "\n";
echo "1.0: ", exchange($base, $port, "GET /stream HTTP/1.0\r\n\r\n"), "\n";
echo "1.1 (chunked, kept open): ", exchange($base, $port, "GET /stream HTTP/1.1\r\n\r\n"), "\n";
?>
--EXPECT--
1.0 keep-alive: "HTTP\/1.0 200 OK\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\nabcdef[closed]"
1.0: "HTTP\/1.0 200 OK\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\nabcdef[closed]"
1.1 (chunked, kept open): "HTTP\/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n"
