--TEST--
EventHttp: replies to HEAD and 1xx/204/304 replies carry no body, so keep-alive stays in sync (libevent 2.1 writes the body; PECL's next response starts inside it)
--EXTENSIONS--
event
--FILE--
<?php
function exchange(EventBase $base, int $port, string $bytes): string {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    stream_set_blocking($c, false);
    fwrite($c, $bytes);
    $out = ''; $last = microtime(true);
    while (microtime(true) - $last < 0.2) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $out .= '[closed]'; break; }
        usleep(1000);
    }
    fclose($c);
    return preg_replace('/^Date: .*\r\n/m', '', $out);
}
$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
$http->accept($sock);
$http->setDefaultCallback(function (EventHttpRequest $req) {
    $code = (int) substr($req->getUri(), 1) ?: 200;
    $b = new EventBuffer();
    $b->add('BODY');
    $req->sendReply($code, 'R', $b);
});
$http->setCallback('/error204', function (EventHttpRequest $req) { $req->sendError(204); });
$http->setCallback('/chunkedhead', function (EventHttpRequest $req) {
    $req->sendReplyStart(200, 'OK');
    $b = new EventBuffer();
    $b->add('CHUNK');
    $req->sendReplyChunk($b);
    $req->sendReplyEnd();
});
foreach (["HEAD /200", "GET /204", "GET /304", "GET /101", "GET /199", "GET /error204", "HEAD /chunkedhead"] as $r) {
    // Each bodiless reply is followed by a GET on the same connection: its
    // response must start right after the first one's head.
    echo "== $r\n", json_encode(exchange($base, $port, "$r HTTP/1.1\r\n\r\nGET /200 HTTP/1.1\r\n\r\n")), "\n";
}
?>
--EXPECT--
== HEAD /200
"HTTP\/1.1 200 R\r\n\r\nHTTP\/1.1 200 R\r\nContent-Length: 4\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\nBODY"
== GET /204
"HTTP\/1.1 204 R\r\n\r\nHTTP\/1.1 200 R\r\nContent-Length: 4\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\nBODY"
== GET /304
"HTTP\/1.1 304 R\r\n\r\nHTTP\/1.1 200 R\r\nContent-Length: 4\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\nBODY"
== GET /101
"HTTP\/1.1 101 R\r\n\r\nHTTP\/1.1 200 R\r\nContent-Length: 4\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\nBODY"
== GET /199
"HTTP\/1.1 199 R\r\n\r\nHTTP\/1.1 200 R\r\nContent-Length: 4\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\nBODY"
== GET /error204
"HTTP\/1.1 204 No Content\r\nContent-Type: text\/html\r\nConnection: close\r\n\r\n[closed]"
== HEAD /chunkedhead
"HTTP\/1.1 200 OK\r\n\r\nHTTP\/1.1 200 R\r\nContent-Length: 4\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\nBODY"
