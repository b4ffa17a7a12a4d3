--TEST--
EventHttpRequest: getUri()/getHost() on a request that was never sent, and getHost() on a request without Host header, raise Error (PECL dereferences NULL and segfaults)
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
$r = new EventHttpRequest(function () {});
echo "getUri: "; t(fn() => $r->getUri());
echo "getHost: "; t(fn() => $r->getHost());
echo "getCommand: "; t(fn() => $r->getCommand());
echo "getResponseCode: "; t(fn() => $r->getResponseCode());
$base = new EventBase();
$http = serve($base, $port);
$http->setDefaultCallback(function (EventHttpRequest $req) {
    echo "uri ", $req->getUri(), " host: ";
    t(fn() => $req->getHost());
    $req->sendReply(200, 'OK');
});
echo exchange($base, $port, "GET /nohost HTTP/1.1\r\n\r\n"), "\n";
echo exchange($base, $port, "GET /host HTTP/1.1\r\nHost: example.test:81\r\n\r\n"), "\n";
echo exchange($base, $port, "GET http://abs.test/x HTTP/1.1\r\n\r\n"), "\n";
?>
--EXPECT--
getUri: Error: EventHttpRequest::getUri(): the request has no URI
getHost: Error: EventHttpRequest::getHost(): the request has no host
getCommand: 0
getResponseCode: 0
uri /nohost host: Error: EventHttpRequest::getHost(): the request has no host
"HTTP\/1.1 200 OK\r\nContent-Length: 0\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\n"
uri /host host: 'example.test'
"HTTP\/1.1 200 OK\r\nContent-Length: 0\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\n"
uri http://abs.test/x host: 'abs.test'
"HTTP\/1.1 200 OK\r\nContent-Length: 0\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\n[closed]"
