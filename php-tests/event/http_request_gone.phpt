--TEST--
EventHttpRequest (server side): replying twice, using a request after its reply was written, after closeConnection() or cancel(), or after its connection closed raise Error (PECL sends a second reply, or reads and writes freed memory)
--EXTENSIONS--
event
--FILE--
<?php
function serve(EventBase $base, ?int &$port): EventHttp {
    $http = new EventHttp($base);
    $sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_bind($sock, '127.0.0.1', 0);
    socket_listen($sock, 16);
    socket_getsockname($sock, $addr, $port);
    $http->accept($sock);
    $GLOBALS['listening'][] = $sock;
    return $http;
}
function exchange(EventBase $base, int $port, string $bytes, float $idle = 0.2): string {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    stream_set_blocking($c, false);
    fwrite($c, $bytes);
    $out = ''; $last = microtime(true);
    while (microtime(true) - $last < $idle) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $out .= '[closed]'; break; }
        usleep(1000);
    }
    fclose($c);
    $base->loop(EventBase::LOOP_NONBLOCK);
    return json_encode(preg_replace('/^Date: .*\r\n/m', '', $out));
}
function t(callable $f): void {
    try { $r = $f(); echo var_export($r, true), "\n"; }
    catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
$base = new EventBase();
$http = serve($base, $port);
$kept = [];
$http->setCallback('/twice', function (EventHttpRequest $req) {
    $req->sendReply(200, 'OK');
    echo "in the callback after the reply: ", $req->getUri(), " ", $req->getResponseCode(), "\n";
    t(fn() => $req->sendReply(201, 'Again'));
    t(fn() => $req->sendError(500));
    t(fn() => $req->sendReplyStart(200, 'OK'));
});
$http->setCallback('/chunks', function (EventHttpRequest $req) {
    t(fn() => $req->sendReplyChunk(new EventBuffer()));
    t(fn() => $req->sendReplyEnd());
    $req->sendReplyStart(200, 'OK');
    t(fn() => $req->sendReply(200, 'OK'));
    $req->sendReplyEnd();
    t(fn() => $req->sendReplyEnd());
});
foreach (['keep', 'close', 'cancel', 'unanswered'] as $p) {
    $http->setCallback("/$p", function (EventHttpRequest $req) use ($p, &$kept) {
        $kept[$p] = $req;
        if ($p === 'keep') $req->sendReply(200, 'OK');
        if ($p === 'close') $req->closeConnection();
        if ($p === 'cancel') $req->cancel();
    });
}
echo "--- reply twice\n", exchange($base, $port, "GET /twice HTTP/1.1\r\n\r\n"), "\n";
echo "--- chunk before start, reply after start\n", exchange($base, $port, "GET /chunks HTTP/1.1\r\n\r\n"), "\n";
foreach (['keep', 'close', 'cancel'] as $p) {
    echo "--- kept after $p\n", exchange($base, $port, "GET /$p HTTP/1.1\r\nHost: h\r\n\r\n"), "\n";
    $r = $kept[$p];
    foreach (['getUri', 'getHost', 'getCommand', 'getInputHeaders', 'getBufferEvent', 'getConnection', 'closeConnection', 'cancel'] as $m) {
        echo "$m: "; t(fn() => $r->$m());
    }
    echo "sendReply: "; t(fn() => $r->sendReply(200, 'OK'));
    echo "addHeader: "; t(fn() => $r->addHeader('A', 'b', EventHttpRequest::OUTPUT_HEADER));
    echo "free: "; t(fn() => $r->free());
}
echo "--- unanswered, then the client goes and the connection times out\n";
$http->setTimeout(1);
$c = stream_socket_client("tcp://127.0.0.1:$port");
fwrite($c, "GET /unanswered HTTP/1.1\r\n\r\n");
$t = microtime(true);
while (!isset($kept['unanswered']) && microtime(true) - $t < 2) { $base->loop(EventBase::LOOP_NONBLOCK); usleep(1000); }
echo "uri while pending: ", $kept['unanswered']->getUri(), "\n";
fclose($c);
// The reply goes to a closed peer: the write fails and the connection closes.
$kept['unanswered']->sendReply(200, 'OK');
while (microtime(true) - $t < 0.5) { $base->loop(EventBase::LOOP_NONBLOCK); usleep(1000); }
echo "after the connection closed: "; t(fn() => $kept['unanswered']->getUri());
?>
--EXPECT--
--- reply twice
in the callback after the reply: /twice 200
Error: EventHttpRequest: the request has already been answered
Error: EventHttpRequest: the request has already been answered
Error: EventHttpRequest: the request has already been answered
"HTTP\/1.1 200 OK\r\nContent-Length: 0\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\n"
--- chunk before start, reply after start
Error: EventHttpRequest: sendReplyStart() has not been called
Error: EventHttpRequest: sendReplyStart() has not been called
Error: EventHttpRequest: the request has already been answered
Error: EventHttpRequest: the request has already been answered
"HTTP\/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\n0\r\n\r\n"
--- kept after keep
"HTTP\/1.1 200 OK\r\nContent-Length: 0\r\nContent-Type: text\/html; charset=ISO-8859-1\r\n\r\n"
getUri: Error: EventHttpRequest object has been freed
getHost: Error: EventHttpRequest object has been freed
getCommand: Error: EventHttpRequest object has been freed
getInputHeaders: Error: EventHttpRequest object has been freed
getBufferEvent: Error: EventHttpRequest object has been freed
getConnection: Error: EventHttpRequest object has been freed
closeConnection: Error: EventHttpRequest object has been freed
cancel: Error: EventHttpRequest object has been freed
sendReply: Error: EventHttpRequest object has been freed
addHeader: Error: EventHttpRequest object has been freed
free: NULL
--- kept after close
"[closed]"
getUri: Error: EventHttpRequest object has been freed
getHost: Error: EventHttpRequest object has been freed
getCommand: Error: EventHttpRequest object has been freed
getInputHeaders: Error: EventHttpRequest object has been freed
getBufferEvent: Error: EventHttpRequest object has been freed
getConnection: Error: EventHttpRequest object has been freed
closeConnection: Error: EventHttpRequest object has been freed
cancel: Error: EventHttpRequest object has been freed
sendReply: Error: EventHttpRequest object has been freed
addHeader: Error: EventHttpRequest object has been freed
free: NULL
--- kept after cancel
"HTTP\/1.1 400 Bad Request\r\nContent-Type: text\/html\r\nConnection: close\r\nContent-Length: 94\r\n\r\n<HTML><HEAD>\n<TITLE>400 Bad Request<\/TITLE>\n<\/HEAD><BODY>\n<H1>Bad Request<\/H1>\n<\/BODY><\/HTML>\n[closed]"
getUri: Error: EventHttpRequest object has been freed
getHost: Error: EventHttpRequest object has been freed
getCommand: Error: EventHttpRequest object has been freed
getInputHeaders: Error: EventHttpRequest object has been freed
getBufferEvent: Error: EventHttpRequest object has been freed
getConnection: Error: EventHttpRequest object has been freed
closeConnection: Error: EventHttpRequest object has been freed
cancel: Error: EventHttpRequest object has been freed
sendReply: Error: EventHttpRequest object has been freed
addHeader: Error: EventHttpRequest object has been freed
free: NULL
--- unanswered, then the client goes and the connection times out
uri while pending: /unanswered
after the connection closed: Error: EventHttpRequest object has been freed
