<?php
// Needs EventHttp (PECL event's evhttp; php-ipc's EventHttpConnection once it exists).
// EventHttpConnection::makeRequest against a raw server on 127.0.0.1 (port 0):
// the request bytes the client writes and what the request callback sees for
// canned responses (Content-Length, chunked, read-until-close, HEAD, 1xx, 204,
// malformed). These are the client test vectors of crates/ipc-core.
// Usable: a class whose constructor works (php-ipc's skeleton throws
// EventException "EventHttpConnection is not available yet").
$usable = false;
if (class_exists('EventHttpConnection')) {
    $probe_base = new EventBase();
    try { $probe = new EventHttpConnection($probe_base, null, '127.0.0.1', 1); unset($probe); $usable = true; }
    catch (EventException $e) { if (strpos($e->getMessage(), 'not available yet') === false) $usable = true; }
}
if (!$usable) { echo "#SKIP needs EventHttpConnection\n"; exit(0); }

$base = new EventBase();
$ls = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($ls, '127.0.0.1', 0);
socket_listen($ls, 16);
socket_getsockname($ls, $addr, $port);
socket_set_nonblock($ls);

function seen(?EventHttpRequest $req): void {
    if ($req === null) { echo "  callback: null request\n"; return; }
    $code = $req->getResponseCode();
    echo "  callback: code=", $code;
    if ($code) {
        $hs = [];
        foreach ($req->getInputHeaders() as $k => $v) $hs[] = "$k=" . json_encode($v);
        echo " headers=[", implode(' ', $hs), "] body=", json_encode($req->getInputBuffer()->read(1 << 20));
    }
    echo "\n";
}

// One request: the client sends, the raw server reads what arrives, answers
// with $response once the request's end marker is in, closes if asked.
function run(EventBase $base, $ls, int $port, string $label, int $cmd, string $uri, array $headers, ?string $body, string $response, bool $close, array $opts = []): void {
    echo "== $label\n";
    $conn = new EventHttpConnection($base, null, '127.0.0.1', $port);
    if (isset($opts['max_body'])) $conn->setMaxBodySize($opts['max_body']);
    if (isset($opts['max_headers'])) $conn->setMaxHeadersSize($opts['max_headers']);
    $done = false;
    $req = new EventHttpRequest(function ($req) use (&$done) { seen($req); $done = true; });
    foreach ($headers as $k => $v) $req->addHeader($k, $v, EventHttpRequest::OUTPUT_HEADER);
    if ($body !== null) $req->getOutputBuffer()->add($body);
    var_dump($conn->makeRequest($req, $cmd, $uri));
    $c = null; $in = ''; $answered = false;
    $t = microtime(true);
    while (!$done && microtime(true) - $t < 1.0) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        if ($c === null) { $c = @socket_accept($ls) ?: null; if ($c) socket_set_nonblock($c); }
        if ($c !== null) {
            $d = @socket_read($c, 65536);
            if (is_string($d) && $d !== '') $in .= $d;
            if (!$answered && strpos($in, "\r\n\r\n") !== false && (($opts['wait_body'] ?? '') === '' || str_contains($in, $opts['wait_body']))) {
                echo "  request: ", json_encode($in), "\n";
                socket_write($c, $response);
                if ($close) socket_close($c);
                $answered = true;
                if ($close) $c = null;
            }
        }
        usleep(1000);
    }
    if (!$done) echo "  no callback within 1s", $answered ? "" : " (request seen: " . json_encode($in) . ")", "\n";
    if ($c !== null) socket_close($c);
    $base->loop(EventBase::LOOP_NONBLOCK);
}

$G = EventHttpRequest::CMD_GET; $P = EventHttpRequest::CMD_POST; $H = EventHttpRequest::CMD_HEAD;
$ok = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
run($base, $ls, $port, 'get plain', $G, '/x?y=1', ['Host' => 'h'], null, $ok, false);
run($base, $ls, $port, 'get no headers', $G, '/', [], null, $ok, false);
run($base, $ls, $port, 'post body', $P, '/p', ['Host' => 'h'], 'abc', $ok, false, ['wait_body' => 'abc']);
run($base, $ls, $port, 'post empty', $P, '/p', [], null, $ok, false);
run($base, $ls, $port, 'put body', EventHttpRequest::CMD_PUT, '/p', [], 'q', $ok, false, ['wait_body' => 'q']);
run($base, $ls, $port, 'delete', EventHttpRequest::CMD_DELETE, '/p', [], null, $ok, false);
run($base, $ls, $port, 'options', EventHttpRequest::CMD_OPTIONS, '*', [], null, $ok, false);
run($base, $ls, $port, 'patch body', EventHttpRequest::CMD_PATCH, '/p', [], 'pp', $ok, false, ['wait_body' => 'pp']);
run($base, $ls, $port, 'user content-length', $P, '/p', ['Content-Length' => '2'], 'ab', $ok, false, ['wait_body' => 'ab']);
run($base, $ls, $port, 'connection close header', $G, '/', ['Connection' => 'close'], null, $ok, false);
run($base, $ls, $port, 'chunked response', $G, '/', [], null, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n", false);
run($base, $ls, $port, 'until close', $G, '/', [], null, "HTTP/1.1 200 OK\r\nX-A: a\r\n\r\nrest of body", true);
run($base, $ls, $port, 'http/1.0 until close', $G, '/', [], null, "HTTP/1.0 200 OK\r\n\r\nbody10", true);
run($base, $ls, $port, 'head response', $H, '/', [], null, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", false);
run($base, $ls, $port, '204', $G, '/', [], null, "HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n", false);
run($base, $ls, $port, '304', $G, '/', [], null, "HTTP/1.1 304 Not Modified\r\n\r\n", false);
run($base, $ls, $port, '100 then 200', $G, '/', [], null, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false);
run($base, $ls, $port, '101', $G, '/', [], null, "HTTP/1.1 101 Switching Protocols\r\n\r\n", false);
run($base, $ls, $port, 'reason spaces', $G, '/', [], null, "HTTP/1.1 200 All  Good \r\nContent-Length: 0\r\n\r\n", false);
run($base, $ls, $port, 'no reason', $G, '/', [], null, "HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", false);
run($base, $ls, $port, 'bad status line', $G, '/', [], null, "HTTP/1.1 abc OK\r\n\r\n", false);
run($base, $ls, $port, 'bad version', $G, '/', [], null, "HTTX/1.1 200 OK\r\n\r\n", false);
run($base, $ls, $port, 'version 2', $G, '/', [], null, "HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", false);
run($base, $ls, $port, 'code 1000', $G, '/', [], null, "HTTP/1.1 1000 Big\r\nContent-Length: 0\r\n\r\n", false);
run($base, $ls, $port, 'bad content-length', $G, '/', [], null, "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\nab", false);
run($base, $ls, $port, 'bad header', $G, '/', [], null, "HTTP/1.1 200 OK\r\nnocolon\r\n\r\n", false);
run($base, $ls, $port, 'bad chunk', $G, '/', [], null, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false);
run($base, $ls, $port, 'truncated body', $G, '/', [], null, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", true);
run($base, $ls, $port, 'close before status', $G, '/', [], null, "", true);
run($base, $ls, $port, 'body over max', $G, '/', [], null, "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n01234567890123456789", false, ['max_body' => 10]);
run($base, $ls, $port, 'headers over max', $G, '/', [], null, "HTTP/1.1 200 OK\r\nX-Long: " . str_repeat('x', 100) . "\r\nContent-Length: 0\r\n\r\n", false, ['max_headers' => 50]);
run($base, $ls, $port, 'lf only', $G, '/', [], null, "HTTP/1.1 200 OK\nContent-Length: 2\n\nok", false);
run($base, $ls, $port, 'content-length and chunked', $G, '/', [], null, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", false);
