<?php
// Needs EventHttp (PECL event's evhttp; php-ipc's EventHttp once it exists).
// Raw HTTP/1.x requests against an EventHttp server on 127.0.0.1 (port 0):
// replies, automatic headers, keep-alive, HEAD, pipelining, chunked request
// bodies, 404 and the error pages evhttp writes itself. The responses are the
// test vectors of crates/ipc-core/src/http_tests_*.rs (Date normalised here).
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }

require __DIR__ . '/lib/http_probe.php';

$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
var_dump($http->accept($sock));

$http->setCallback('/hello', function ($req) { describe($req); reply($req, 200, 'OK', 'hello'); });
$http->setCallback('/empty', function ($req) { describe($req); reply($req, 200, 'OK', null); });
$http->setCallback('/a b', function ($req) { describe($req); reply($req, 200, 'OK', 'space'); });
$http->setCallback('/204', function ($req) { describe($req); reply($req, 204, 'No Content', 'x'); });
$http->setCallback('/304', function ($req) { describe($req); reply($req, 304, 'Not Modified', 'y'); });
$http->setCallback('/201', function ($req) { describe($req); reply($req, 201, 'Made', 'z'); });
$http->setCallback('/weird', function ($req) { describe($req); reply($req, 299, '', 'w'); });
$http->setCallback('/plain', function ($req) {
    describe($req);
    $req->addHeader('Content-Type', 'text/plain', EventHttpRequest::OUTPUT_HEADER);
    $req->addHeader('X-Multi', 'one', EventHttpRequest::OUTPUT_HEADER);
    $req->addHeader('X-Multi', 'two', EventHttpRequest::OUTPUT_HEADER);
    reply($req, 200, 'OK', 'plain');
});
$http->setCallback('/setclose', function ($req) {
    describe($req);
    $req->addHeader('Connection', 'close', EventHttpRequest::OUTPUT_HEADER);
    reply($req, 200, 'OK', 'bye');
});
$http->setCallback('/setlen', function ($req) {
    describe($req);
    $req->addHeader('Content-Length', '3', EventHttpRequest::OUTPUT_HEADER);
    reply($req, 200, 'OK', 'abc');
});
$http->setCallback('/chunks', function ($req) {
    describe($req);
    $req->sendReplyStart(200, 'OK');
    foreach (['abc', '', 'defghijklmnopq'] as $s) { $b = new EventBuffer(); $b->add($s); $req->sendReplyChunk($b); }
    $req->sendReplyEnd();
});
$http->setCallback('/error', function ($req) { describe($req); $req->sendError(500); });
$http->setCallback('/error503', function ($req) { describe($req); $req->sendError(503, 'Busy <now>'); });
$http->setCallback('/error404', function ($req) { describe($req); $req->sendError(404); });
$http->setCallback('/error999', function ($req) { describe($req); $req->sendError(999); });
$http->setCallback('/error400', function ($req) { describe($req); $req->sendError(400); });

$cases = [
    'get 1.1' => ["GET /hello HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"],
    'get 1.0' => ["GET /hello HTTP/1.0\r\n\r\n"],
    'get 1.0 keep-alive' => ["GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"],
    'get 1.0 Keep-Alive case' => ["GET /hello HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"],
    'get 1.1 close' => ["GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n"],
    'get 1.1 CLOSE case' => ["GET /hello HTTP/1.1\r\nConnection: CLOSE\r\n\r\n"],
    'get 1.1 close list' => ["GET /hello HTTP/1.1\r\nConnection: foo, close\r\n\r\n"],
    'get query' => ["GET /hello?x=1&y=%20 HTTP/1.1\r\nHost: h\r\n\r\n"],
    'get fragment' => ["GET /hello#frag HTTP/1.1\r\n\r\n"],
    'get encoded path' => ["GET /a%20b HTTP/1.1\r\n\r\n"],
    'get encoded hello' => ["GET /%68ello HTTP/1.1\r\n\r\n"],
    'get plus path' => ["GET /a+b HTTP/1.1\r\n\r\n"],
    'get nul escape' => ["GET /hello%00junk HTTP/1.1\r\n\r\n"],
    'absolute uri' => ["GET http://example.com/hello?q HTTP/1.1\r\nHost: other\r\n\r\n"],
    'head' => ["HEAD /hello HTTP/1.1\r\n\r\n"],
    'head then get (keep-alive)' => ["HEAD /hello HTTP/1.1\r\n\r\n", "GET /hello HTTP/1.1\r\n\r\n"],
    'empty reply' => ["GET /empty HTTP/1.1\r\n\r\n"],
    '204 with body then get' => ["GET /204 HTTP/1.1\r\n\r\n", "GET /hello HTTP/1.1\r\n\r\n"],
    '304 with body' => ["GET /304 HTTP/1.1\r\n\r\n"],
    '201 custom reason' => ["GET /201 HTTP/1.1\r\n\r\n"],
    'empty reason' => ["GET /weird HTTP/1.1\r\n\r\n"],
    'content type set' => ["GET /plain HTTP/1.1\r\n\r\n"],
    'connection close set' => ["GET /setclose HTTP/1.1\r\n\r\n"],
    'content length set' => ["GET /setlen HTTP/1.1\r\n\r\n"],
    'chunked reply 1.1' => ["GET /chunks HTTP/1.1\r\n\r\n"],
    'chunked reply 1.0' => ["GET /chunks HTTP/1.0\r\n\r\n"],
    'chunked reply head' => ["HEAD /chunks HTTP/1.1\r\n\r\n"],
    'chunked reply 1.0 keep-alive' => ["GET /chunks HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"],
    'chunked reply 1.1 close' => ["GET /chunks HTTP/1.1\r\nConnection: close\r\n\r\n"],
    'chunked reply 1.2' => ["GET /chunks HTTP/1.2\r\n\r\n"],
    'sendError 500' => ["GET /error HTTP/1.1\r\n\r\n"],
    'sendError 503 reason' => ["GET /error503 HTTP/1.1\r\n\r\n"],
    'sendError 404' => ["GET /error404 HTTP/1.1\r\n\r\n"],
    'sendError 999' => ["GET /error999 HTTP/1.1\r\n\r\n"],
    'sendError 400' => ["GET /error400 HTTP/1.1\r\n\r\n"],
    'not found' => ["GET /nothere HTTP/1.1\r\n\r\n"],
    'not found escaped' => ["GET /x<script>&'\" HTTP/1.1\r\n\r\n"],
    'not found query' => ["GET /nothere?a=<b> HTTP/1.1\r\n\r\n"],
    'post content-length' => ["POST /hello HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world"],
    'post split body' => ["POST /hello HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello", " world"],
    'post no length 1.1' => ["POST /hello HTTP/1.1\r\n\r\n"],
    'post no length 1.0' => ["POST /hello HTTP/1.0\r\n\r\nbody-until-close"],
    'post chunked' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"],
    'post chunked split' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", "lo\r\n0\r\n", "\r\n"],
    'post chunked upper hex' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n"],
    'post chunked bad size' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"],
    'post chunked negative' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n"],
    'post chunked huge' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nhello\r\n0\r\n\r\n"],
    'post chunked and length' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n2\r\nab\r\n0\r\n\r\n"],
    'post te gzip' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: gzip\r\nContent-Length: 2\r\n\r\nab"],
    'post te Chunked case' => ["POST /hello HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"],
    'bad content-length' => ["POST /hello HTTP/1.1\r\nContent-Length: abc\r\n\r\nxyz"],
    'negative content-length' => ["POST /hello HTTP/1.1\r\nContent-Length: -1\r\n\r\nxyz"],
    'overflow content-length' => ["POST /hello HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\nxyz"],
    'content-length spaces' => ["POST /hello HTTP/1.1\r\nContent-Length: 3 \r\n\r\nxyz"],
    'content-length plus' => ["POST /hello HTTP/1.1\r\nContent-Length: +3\r\n\r\nxyz"],
    'two content-lengths' => ["POST /hello HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nxyzab"],
    'get with body' => ["GET /hello HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyz"],
    'pipelined' => ["GET /hello HTTP/1.1\r\n\r\nGET /empty HTTP/1.1\r\n\r\nGET /nothere HTTP/1.1\r\n\r\n"],
    'pipelined close middle' => ["GET /hello HTTP/1.1\r\n\r\nGET /hello HTTP/1.1\r\nConnection: close\r\n\r\nGET /hello HTTP/1.1\r\n\r\n"],
    'keep-alive sequence' => ["GET /hello HTTP/1.1\r\n\r\n", "POST /hello HTTP/1.1\r\nContent-Length: 1\r\n\r\nx", "GET /nothere HTTP/1.1\r\n\r\n"],
    'lf only' => ["GET /hello HTTP/1.1\nHost: lf\n\n"],
    'header spaces' => ["GET /hello HTTP/1.1\r\nX-A:   v1  \r\nX-B:\tv2\t\r\nX-C:\r\nX-D : v4\r\n\r\n"],
    'header continuation' => ["GET /hello HTTP/1.1\r\nX-A: one\r\n  two\r\n\tthree\r\n\r\n"],
    'continuation first' => ["GET /hello HTTP/1.1\r\n folded\r\n\r\n"],
    'header no colon' => ["GET /hello HTTP/1.1\r\nNoColon\r\n\r\n"],
    'header cr inside' => ["GET /hello HTTP/1.1\r\nX-A: a\rb\r\n\r\n"],
    'header nul' => ["GET /hello HTTP/1.1\r\nX-A: a\0b\r\n\r\n"],
    'duplicate headers' => ["GET /hello HTTP/1.1\r\nX-A: 1\r\nx-a: 2\r\n\r\n"],
    'empty header name' => ["GET /hello HTTP/1.1\r\n: v\r\n\r\n"],
    'host with port' => ["GET /hello HTTP/1.1\r\nHost: Example.COM:80\r\n\r\n"],
    'host ipv6' => ["GET /hello HTTP/1.1\r\nHost: [::1]:80\r\n\r\n"],
    'host only colon' => ["GET /hello HTTP/1.1\r\nHost: :80\r\n\r\n"],
    'garbage line' => ["GARBAGE\r\n\r\n"],
    'short line' => ["GET / HTTP/1\r\n\r\n"],
    'no version' => ["GET /hello\r\n\r\n"],
    'http/0.9 style' => ["GET /\r\n\r\n"],
    'version 1.2' => ["GET /hello HTTP/1.2\r\n\r\n"],
    'version 2.0' => ["GET /hello HTTP/2.0\r\n\r\n"],
    'version 0.9' => ["GET /hello HTTP/0.9\r\n\r\n"],
    'version 1.10' => ["GET /hello HTTP/1.10\r\n\r\n"],
    'version trailing' => ["GET /hello HTTP/1.1x\r\n\r\n"],
    'version lowercase' => ["GET /hello http/1.1\r\n\r\n"],
    'version negative' => ["GET /hello HTTP/-1.1\r\n\r\n"],
    'trailing spaces line' => ["GET /hello HTTP/1.1   \r\n\r\n"],
    'double space' => ["GET  /hello HTTP/1.1\r\n\r\n"],
    'space in uri' => ["GET /a b HTTP/1.1\r\n\r\n"],
    'lowercase method' => ["get /hello HTTP/1.1\r\n\r\n"],
    'unknown method' => ["FOO /hello HTTP/1.1\r\n\r\n"],
    'options' => ["OPTIONS /hello HTTP/1.1\r\n\r\n"],
    'options star' => ["OPTIONS * HTTP/1.1\r\n\r\n"],
    'put' => ["PUT /hello HTTP/1.1\r\nContent-Length: 2\r\n\r\nab"],
    'delete' => ["DELETE /hello HTTP/1.1\r\n\r\n"],
    'patch' => ["PATCH /hello HTTP/1.1\r\n\r\n"],
    'trace' => ["TRACE /hello HTTP/1.1\r\n\r\n"],
    'connect' => ["CONNECT example.com:443 HTTP/1.1\r\n\r\n"],
    'uri no slash' => ["GET hello HTTP/1.1\r\n\r\n"],
    'uri bad chars' => ["GET /he\x01llo HTTP/1.1\r\n\r\n"],
    'uri high bytes' => ["GET /h\xc3\xa9 HTTP/1.1\r\n\r\n"],
    'uri bad escape' => ["GET /%zz HTTP/1.1\r\n\r\n"],
    'expect continue' => ["POST /hello HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", "abc"],
    'expect other' => ["POST /hello HTTP/1.1\r\nExpect: something\r\nContent-Length: 3\r\n\r\nabc"],
    'expect continue 1.0' => ["POST /hello HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", "abc"],
    'leading empty lines' => ["\r\n\r\nGET /hello HTTP/1.1\r\n\r\n"],
    'eof mid headers' => ["GET /hello HTTP/1.1\r\nX-A: 1\r\n"],
    'eof mid body' => ["POST /hello HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"],
];
foreach ($cases as $label => $writes) {
    if ($label === 'chunked reply 1.0 keep-alive' && !getenv('HTTP_PROBE_RAW')) {
        // libevent announces "Content-Length: 0" and then streams the body on
        // a connection it keeps open; php-ipc leaves both headers out and
        // closes after the body (deliberate difference 2 of
        // docs/event-http-core.md, php-tests/event/http_server_stream_10.phpt).
        echo "== $label: deliberate difference, not compared\n";
        continue;
    }
    [$out, $closed] = exchange($base, $port, $writes);
    show($label, $out, $closed);
}
