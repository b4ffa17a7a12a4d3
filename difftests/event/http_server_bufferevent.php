<?php
// EventHttpRequest::getBufferEvent() on a server request: writing through
// it goes before the reply on the wire, and free() of that object leaves
// the connection to evhttp (the reply still goes out).
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }

function exchange(EventBase $base, int $port, string $req): void {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    stream_set_blocking($c, false);
    fwrite($c, $req);
    $out = ''; $closed = false; $last = microtime(true);
    while (microtime(true) - $last < 0.15) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $closed = true; break; }
        usleep(1000);
    }
    fclose($c);
    $base->loop(EventBase::LOOP_NONBLOCK);
    echo $closed ? "[closed] " : "[open] ", json_encode(preg_replace('/^Date: .*\r$/m', "Date: <DATE>\r", $out)), "\n";
}

$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
$http->accept($sock);
$http->setCallback('/write', function (EventHttpRequest $req) {
    $b = $req->getBufferEvent();
    var_dump($b->write('RAW'), $b->getOutput()->length);
    unset($b);
    $req->sendReply(200, 'OK');
});
$http->setCallback('/free', function (EventHttpRequest $req) {
    $b = $req->getBufferEvent();
    $b->free();
    echo "freed\n";
    $req->sendReply(200, 'OK');
    echo "replied\n";
});
$http->setCallback('/two', function (EventHttpRequest $req) {
    var_dump($req->getBufferEvent() == $req->getBufferEvent(), $req->getBufferEvent() === $req->getBufferEvent());
    $req->sendReply(200, 'OK');
});
exchange($base, $port, "GET /write HTTP/1.1\r\n\r\n");
exchange($base, $port, "GET /free HTTP/1.1\r\n\r\n");
exchange($base, $port, "GET /two HTTP/1.1\r\n\r\n");
echo "done\n";
