<?php
// Three connections whose requests are held by the callback and answered
// later in reverse order, one of them with a second request sent while the
// first is held (read only after the first reply is written).
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }
$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
$http->accept($sock);
$held = [];
$http->setDefaultCallback(function ($req) use (&$held) { echo "cb ", $req->getUri(), "\n"; $held[$req->getUri()] = $req; });
$cs = [];
foreach (['/a', '/b', '/c'] as $u) { $c = stream_socket_client("tcp://127.0.0.1:$port"); stream_set_blocking($c, false); fwrite($c, "GET $u HTTP/1.1\r\n\r\n"); $cs[$u] = $c; }
$t = microtime(true); while (count($held) < 3 && microtime(true) - $t < 2) { $base->loop(EventBase::LOOP_NONBLOCK); usleep(1000); }
// second request on /a's connection while /a is held
fwrite($cs['/a'], "GET /a2 HTTP/1.1\r\n\r\n");
for ($i = 0; $i < 30; $i++) { $base->loop(EventBase::LOOP_NONBLOCK); usleep(1000); }
foreach (['/c', '/b', '/a'] as $u) { $b = new EventBuffer; $b->add("reply $u"); $held[$u]->sendReply(200, "OK", $b); unset($held[$u]); }
$t = microtime(true); while (count($held) < 1 && microtime(true) - $t < 2) { $base->loop(EventBase::LOOP_NONBLOCK); usleep(1000); }
$held['/a2']->sendReply(200, "OK");
for ($i = 0; $i < 50; $i++) { $base->loop(EventBase::LOOP_NONBLOCK); usleep(1000); }
foreach ($cs as $u => $c) { $d = fread($c, 65536); echo "$u: ", json_encode(preg_replace('/^Date: .*\r\n/m', '', $d)), "\n"; }
