<?php
// EventHttpRequest::getConnection() on a server request: the object over the
// accepted connection. getBase() is false, the setters are accepted, and
// setCloseCallback() runs when the client goes, with the object and the
// argument. (getPeer() differs on purpose: PECL leaves its arguments as
// they were, ours fills them: php-tests/event/http_server_connection.phpt.)
$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
var_dump($http->accept($sock));
$kept = null;
$http->setDefaultCallback(function (EventHttpRequest $req) use (&$kept) {
    $c = $req->getConnection();
    $kept = $c;
    echo "class ", get_class($c), "\n";
    var_dump($c->getBase());
    foreach (['setTimeout' => [5], 'setMaxBodySize' => [1000], 'setMaxHeadersSize' => [1000], 'setRetries' => [2]] as $m => $args) {
        echo "$m: ", var_export($c->$m(...$args), true), "\n";
    }
    $c->setCloseCallback(function ($conn, $arg) use (&$kept) {
        echo "close callback: ", get_class($conn), ", arg ", var_export($arg, true), ", same object ", var_export($conn === $kept, true), "\n";
    }, ['x' => 1]);
    echo "close callback set\n";
    $req->sendReply(200, 'OK');
});
$client = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
fwrite($client, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
$read = new Event($base, -1, Event::TIMEOUT, function () use ($client) {
    $r = (string) fread($client, 4096);
    echo "client got: ", strtok($r, "\r"), "\n";
    fclose($client);
    echo "client closed\n";
});
$read->add(0.2);
$stop = new Event($base, -1, Event::TIMEOUT, function () use ($base) { $base->exit(); });
$stop->add(0.6);
$base->loop();
echo "loop done\n";
