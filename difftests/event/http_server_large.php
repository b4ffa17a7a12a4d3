<?php
// Large bodies through an EventHttp server on 127.0.0.1 (port 0): a 2 MiB
// reply written out in pieces, and a 900,000-byte request body sent while
// the reply is still being read (pipelined on one keep-alive connection).
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }
$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
$http->accept($sock);
$http->setCallback('/big', function (EventHttpRequest $req) {
    $b = new EventBuffer();
    $b->add(str_repeat('0123456789abcdef', 131072));
    $req->sendReply(200, 'OK', $b);
});
$http->setCallback('/echo', function (EventHttpRequest $req) {
    $in = $req->getInputBuffer();
    echo "body: ", $in->length, " bytes, md5 ", md5($in->read($in->length)), "\n";
    $req->sendReply(200, 'OK');
});
$c = stream_socket_client("tcp://127.0.0.1:$port");
stream_set_blocking($c, false);
fwrite($c, "GET /big HTTP/1.1\r\n\r\n");
$body = str_repeat('xyz', 300000);
$pending = "POST /echo HTTP/1.1\r\nContent-Length: " . strlen($body) . "\r\n\r\n" . $body;
$out = '';
$t = microtime(true);
while (microtime(true) - $t < 10) {
    $base->loop(EventBase::LOOP_NONBLOCK);
    $d = fread($c, 1 << 20);
    if ($d !== '' && $d !== false) $out .= $d;
    if ($pending !== '') { $n = fwrite($c, $pending); if ($n) $pending = substr($pending, $n); }
    if (substr_count($out, "HTTP/1.1 200") === 2 && str_ends_with($out, "\r\n\r\n")) break;
    usleep(500);
}
fclose($c);
$out = preg_replace('/^Date: .*\r$/m', "Date: <DATE>\r", $out);
echo "received: ", strlen($out), " bytes, md5 ", md5($out), "\n";
echo json_encode(substr($out, 0, 120)), "\n";
