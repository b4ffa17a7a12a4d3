<?php
// EventHttp over HTTPS (constructed with an EventSslContext): a PHP ssl://
// stream client on 127.0.0.1 (port 0) sends keep-alive requests, a chunked
// reply, a 404, then closes.
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }
require __DIR__ . '/lib/pem.php';

$base = new EventBase();
$ctx = new EventSslContext(EventSslContext::TLS_SERVER_METHOD,
    [EventSslContext::OPT_LOCAL_CERT => 'cert.pem', EventSslContext::OPT_LOCAL_PK => 'key.pem']);
$http = new EventHttp($base, $ctx);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
var_dump($http->accept($sock));
$http->setCallback('/hello', function (EventHttpRequest $req, $arg) {
    echo "cb: ", $req->getUri(), " host=", $req->getHost(), " arg=$arg\n";
    $b = new EventBuffer();
    $b->add("hello over tls");
    $req->sendReply(200, 'OK', $b);
}, 'A');
$http->setCallback('/chunks', function (EventHttpRequest $req) {
    $req->sendReplyStart(200, 'OK');
    foreach (['one', 'two'] as $s) { $b = new EventBuffer(); $b->add($s); $req->sendReplyChunk($b); }
    $req->sendReplyEnd();
});

$c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2, STREAM_CLIENT_CONNECT,
    stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
// The handshake needs the server's loop: connect without blocking, then
// drive both sides.
stream_set_blocking($c, false);
$deadline = microtime(true) + 5;
while (($r = @stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT)) === 0 && microtime(true) < $deadline) {
    $base->loop(EventBase::LOOP_NONBLOCK);
    usleep(1000);
}
var_dump($r);

function roundtrip($base, $c, string $req, float $idle = 0.2): void {
    fwrite($c, $req);
    $out = ''; $last = microtime(true);
    while (microtime(true) - $last < $idle) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $out .= "[closed]"; break; }
        usleep(1000);
    }
    echo json_encode(preg_replace('/^Date: .*\r$/m', "Date: <DATE>\r", $out)), "\n";
}
roundtrip($base, $c, "GET /hello HTTP/1.1\r\nHost: tls.test:443\r\n\r\n");
roundtrip($base, $c, "GET /chunks HTTP/1.1\r\n\r\n");
roundtrip($base, $c, "GET /missing HTTP/1.1\r\n\r\n");
roundtrip($base, $c, "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n");
fclose($c);
$base->loop(EventBase::LOOP_NONBLOCK);
echo "done\n";
