<?php
// Needs EventHttp (PECL event's evhttp; php-ipc's EventHttp once it exists).
// EventHttp's limits and switches against raw requests on 127.0.0.1 (port 0):
// setMaxHeadersSize, setMaxBodySize, setAllowedMethods, addServerAlias, the
// reason phrases of sendError, Transfer-Encoding and end-of-file cases. The
// responses are test vectors of crates/ipc-core (Date normalised here).
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }

require __DIR__ . '/lib/http_probe.php';

function server(EventBase $base, callable $setup): array {
    $http = new EventHttp($base);
    $sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_bind($sock, '127.0.0.1', 0);
    socket_listen($sock, 16);
    socket_getsockname($sock, $addr, $port);
    $http->accept($sock);
    $setup($http);
    return [$http, $port, $sock];
}
$base = new EventBase();
$echo = function ($req) { describe($req); reply($req, 200, 'OK', 'ok'); };

[$h1, $p1, $s1] = server($base, function ($http) use ($echo) {
    $http->setDefaultCallback($echo);
    $http->setMaxHeadersSize(64);
    $http->setMaxBodySize(10);
});
$limits = [
    'headers fit' => ["GET /a HTTP/1.1\r\nX-A: 0123456789012345678901234\r\n\r\n"],
    'headers over' => ["GET /a HTTP/1.1\r\nX-A: 01234567890123456789012345678901234567890123456789\r\n\r\n"],
    'first line over' => ["GET /" . str_repeat('a', 70) . " HTTP/1.1\r\n\r\n"],
    'first line over no eol' => ["GET /" . str_repeat('a', 70)],
    'headers over no eol' => ["GET /a HTTP/1.1\r\nX-A: " . str_repeat('b', 60)],
    'body fits' => ["POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789"],
    'body over' => ["POST /a HTTP/1.1\r\nContent-Length: 11\r\n\r\n01234567890"],
    'body over announced only' => ["POST /a HTTP/1.1\r\nContent-Length: 11\r\n\r\n"],
    'expect over' => ["POST /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n"],
    'chunked fits' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n"],
    'chunked over' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n6\r\n567890\r\n0\r\n\r\n"],
    'chunked huge size' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n"],
    'trailer over' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nX-T: 01234567890123456789012345678901234567890\r\n\r\n"],
];
foreach ($limits as $label => $writes) { [$out, $closed] = exchange($base, $p1, $writes); show("limits: $label", $out, $closed); }

[$h2, $p2, $s2] = server($base, function ($http) use ($echo) {
    $http->setDefaultCallback($echo);
    $http->setAllowedMethods(EventHttpRequest::CMD_GET | EventHttpRequest::CMD_OPTIONS | EventHttpRequest::CMD_PATCH | EventHttpRequest::CMD_TRACE | EventHttpRequest::CMD_CONNECT);
    var_dump($http->addServerAlias('alias.test'), $http->addServerAlias('alias.test'), $http->removeServerAlias('nope'));
});
$methods = [
    'allowed get' => ["GET /m HTTP/1.1\r\n\r\n"],
    'disallowed post' => ["POST /m HTTP/1.1\r\nContent-Length: 1\r\n\r\nx"],
    'disallowed head' => ["HEAD /m HTTP/1.1\r\n\r\n"],
    'options' => ["OPTIONS * HTTP/1.1\r\n\r\n"],
    'patch body' => ["PATCH /m HTTP/1.1\r\nContent-Length: 2\r\n\r\npa"],
    'trace' => ["TRACE /m HTTP/1.1\r\n\r\n"],
    'connect' => ["CONNECT example.com:443 HTTP/1.1\r\n\r\n"],
    'connect bad authority' => ["CONNECT /path HTTP/1.1\r\n\r\n"],
    'unknown method' => ["BREW /pot HTTP/1.1\r\n\r\n"],
    'absolute uri alias' => ["GET http://alias.test/x HTTP/1.1\r\n\r\n", "GET /y HTTP/1.1\r\n\r\n"],
    'absolute uri unknown host' => ["GET http://other.test/x HTTP/1.1\r\n\r\n"],
    'absolute uri proxy keep-alive' => ["GET http://other.test/x HTTP/1.1\r\nProxy-Connection: keep-alive\r\n\r\n", "GET /y HTTP/1.1\r\n\r\n"],
    'absolute uri proxy close header' => ["GET http://other.test/x HTTP/1.1\r\nConnection: close\r\n\r\n"],
];
foreach ($methods as $label => $writes) { [$out, $closed] = exchange($base, $p2, $writes); show("methods: $label", $out, $closed); }

$codes = [-1, 0, 99, 100, 101, 102, 199, 200, 201, 202, 203, 204, 205, 206, 207, 299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 399,
    400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 499,
    500, 501, 502, 503, 504, 505, 506, 599, 600, 1000];
[$h3, $p3, $s3] = server($base, function ($http) use ($codes) {
    $http->setDefaultCallback(function ($req) use ($codes) {
        $code = (int)substr($req->getUri(), 1);
        $req->sendError($code);
    });
});
foreach ($codes as $code) {
    [$out, $closed] = exchange($base, $p3, ["GET /$code HTTP/1.1\r\n\r\n"], 0.05);
    $out = cut_bodies_of_bodiless('', $out);
    echo "phrase $code: ", json_encode(strstr($out, "\r\n", true)), " body=", json_encode(substr($out, strpos($out, "\r\n\r\n") + 4)), "\n";
}

$misc = [
    'te gzip no length' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"],
    'te identity' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: identity\r\nContent-Length: 2\r\n\r\nab"],
    'te gzip, chunked' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"],
    'te chunked get' => ["GET /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"],
    'te chunked 1.0' => ["POST /a HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"],
    'chunked trailer' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\nX-T: tv\r\nX-U: uv\r\n\r\n"],
    'chunked ext space' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2 ;ext\r\nab\r\n0\r\n\r\n"],
    'chunked 0x prefix' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0x2\r\nab\r\n0\r\n\r\n"],
    'chunked no crlf after data' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab2\r\ncd\r\n0\r\n\r\n"],
    'chunked blank lines' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\r\n\r\n2\r\nab\r\n\r\n\r\n0\r\n\r\n"],
    'chunked last no trailer end' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n"],
    'chunked bad trailer' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\nnocolon\r\n\r\n"],
    'content-length tab' => ["POST /a HTTP/1.1\r\nContent-Length:\t3\r\n\r\nabc"],
    'content-length empty' => ["POST /a HTTP/1.1\r\nContent-Length:\r\n\r\n"],
    'content-length hex' => ["POST /a HTTP/1.1\r\nContent-Length: 0x3\r\n\r\nabc"],
    'content-length zero' => ["POST /a HTTP/1.1\r\nContent-Length: 0\r\n\r\n"],
    'connection close no length' => ["POST /a HTTP/1.1\r\nConnection: close\r\n\r\nrest"],
    'head with body' => ["HEAD /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"],
    'eof before request' => [null],
    'eof mid first line' => ["GET /a HT", null],
    'eof mid headers' => ["GET /a HTTP/1.1\r\nX-A: 1\r\n", null],
    'eof mid body' => ["POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", null],
    'eof mid chunked' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", null],
    'eof after request' => ["GET /a HTTP/1.1\r\n\r\n", null],
    'keep-alive 1.0 then 1.1' => ["GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "GET /b HTTP/1.1\r\n\r\n"],
    'error for 1.0 request' => ["GET /a HTTP/1.0\r\nX-A\r\n\r\n"],
    'second request bad' => ["GET /a HTTP/1.1\r\n\r\nGARBAGE\r\n\r\n"],
    'nul in request line' => ["GET /a\0b HTTP/1.1\r\n\r\n"],
    'cr in request line' => ["GET /a\rb HTTP/1.1\r\n\r\n"],
    'tab separators' => ["GET\t/a\tHTTP/1.1\r\n\r\n"],
    'te chunked, gzip' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n2\r\nab\r\n0\r\n\r\n"],
    'te xchunked' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: xchunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"],
    'te twice' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n2\r\nab\r\n0\r\n\r\n"],
    'te empty with length' => ["POST /a HTTP/1.1\r\nTransfer-Encoding:\r\nContent-Length: 2\r\n\r\nab"],
    'chunked then pipelined' => ["POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\nGET /next HTTP/1.1\r\n\r\n"],
];
[$h4, $p4, $s4] = server($base, function ($http) use ($echo) { $http->setDefaultCallback($echo); });
foreach ($misc as $label => $writes) { [$out, $closed] = exchange($base, $p4, $writes); show("misc: $label", $out, $closed); }

// Every method allowed, even unknown ones (their command is 1 << 15).
[$h5, $p5, $s5] = server($base, function ($http) use ($echo) { $http->setDefaultCallback($echo); $http->setAllowedMethods(-1); });
$any = [
    'unknown method allowed' => ["FOO /x HTTP/1.1\r\n\r\n"],
    'unknown method body not read' => ["FOO /x HTTP/1.1\r\nContent-Length: 2\r\n\r\nab"],
];
foreach ($any as $label => $writes) { [$out, $closed] = exchange($base, $p5, $writes); show("any: $label", $out, $closed); }
