--TEST--
EventHttp: getConnection() of a server request fills getPeer()'s arguments; setLocalAddress/setLocalPort/makeRequest raise Error (PECL: libevent's fatal assertion or a request sent to the client); methods after the connection closed raise Error
--EXTENSIONS--
event
sockets
--FILE--
<?php
$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
$http->accept($sock);
$kept = null;
$clientPort = null;
$http->setDefaultCallback(function (EventHttpRequest $req) use (&$kept, &$clientPort) {
    $c = $kept = $req->getConnection();
    $a = 'unset'; $p = 'unset';
    $c->getPeer($a, $p);
    var_dump($a, $p === $clientPort);
    foreach (['setLocalAddress' => ['127.0.0.1'], 'setLocalPort' => [1234]] as $m => $args) {
        try { $c->$m(...$args); echo "$m: no error\n"; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
    }
    try {
        $c->makeRequest(new EventHttpRequest(function () {}), EventHttpRequest::CMD_GET, '/');
    } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
    $req->sendReply(200, 'OK');
});
$client = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
$clientPort = (int) substr(strrchr(stream_socket_get_name($client, false), ':'), 1);
fwrite($client, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
$read = new Event($base, -1, Event::TIMEOUT, function () use ($client) { fread($client, 4096); fclose($client); });
$read->add(0.2);
$stop = new Event($base, -1, Event::TIMEOUT, function () use ($base) { $base->exit(); });
$stop->add(0.5);
$base->loop();
// The connection closed with the client: the kept object is empty now.
foreach (['getBase' => [], 'setTimeout' => [1]] as $m => $args) {
    try { $kept->$m(...$args); echo "$m: no error\n"; } catch (Error $e) { echo "$m: ", $e->getMessage(), "\n"; }
}
try { $a = $p = null; $kept->getPeer($a, $p); } catch (Error $e) { echo "getPeer: ", $e->getMessage(), "\n"; }
?>
--EXPECT--
string(9) "127.0.0.1"
bool(true)
Error: EventHttpConnection::setLocalAddress(): the connection is already connected
Error: EventHttpConnection::setLocalPort(): the connection is already connected
Error: EventHttpConnection::makeRequest(): a server-side connection makes no requests
getBase: EventHttpConnection object has been freed
setTimeout: EventHttpConnection object has been freed
getPeer: EventHttpConnection object has been freed
