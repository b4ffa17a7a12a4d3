<?php
// An EventHttp server and a raw stream client in one script (127.0.0.1,
// port 0): what the request callback sees (getters, headers, buffers,
// getBufferEvent, getConnection, the callback's argument), replies from a
// timer after the callback returned, requests left unanswered,
// closeConnection, cancel, free, a callback that is not callable, an
// exception thrown in a callback (it stops the loop and reaches loop()'s
// caller), setTimeout closing idle and slow connections, keep-alive.
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }

function exchange(EventBase $base, int $port, array $writes, float $idle = 0.15): void {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    stream_set_blocking($c, false);
    $out = '';
    $closed = false;
    foreach ($writes as $w) {
        fwrite($c, $w);
        $t = microtime(true);
        while (microtime(true) - $t < 0.03) {
            $base->loop(EventBase::LOOP_NONBLOCK);
            $d = fread($c, 65536);
            if ($d !== '' && $d !== false) $out .= $d;
            usleep(1000);
        }
    }
    $last = microtime(true);
    while (microtime(true) - $last < $idle) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $closed = true; break; }
        usleep(1000);
    }
    fclose($c);
    $base->loop(EventBase::LOOP_NONBLOCK);
    $out = preg_replace('/^Date: .*\r$/m', "Date: <DATE>\r", $out);
    echo "  ", $closed ? "[closed] " : "[open] ", json_encode($out), "\n";
}

$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
var_dump($http->accept($sock));

$http->setCallback('/info', function (EventHttpRequest $req, $arg) {
    echo "  arg: ", json_encode($arg), "\n";
    echo "  command: ", $req->getCommand(), " uri: ", $req->getUri(), " host: ", $req->getHost(), "\n";
    echo "  response code before: ", $req->getResponseCode(), "\n";
    echo "  input headers: ", json_encode($req->getInputHeaders()), "\n";
    echo "  output headers: ", json_encode($req->getOutputHeaders()), "\n";
    echo "  find x-a: ", json_encode($req->findHeader('x-a', EventHttpRequest::INPUT_HEADER)), "\n";
    echo "  find missing: ", json_encode($req->findHeader('nope', EventHttpRequest::INPUT_HEADER)), "\n";
    var_dump($req->addHeader('X-Out', 'o', EventHttpRequest::OUTPUT_HEADER));
    var_dump($req->addHeader('X-Gone', 'g', EventHttpRequest::OUTPUT_HEADER));
    var_dump($req->removeHeader('x-gone', EventHttpRequest::OUTPUT_HEADER));
    var_dump($req->removeHeader('X-A', EventHttpRequest::INPUT_HEADER));
    echo "  input headers now: ", json_encode($req->getInputHeaders()), "\n";
    $in = $req->getInputBuffer();
    echo "  input body: ", json_encode($in->read(100)), " left: ", $in->length, "\n";
    echo "  output buffer: ", $req->getOutputBuffer()->length, "\n";
    $bev = $req->getBufferEvent();
    echo "  bufferevent: ", get_class($bev), " input ", $bev->getInput()->length, " output ", $bev->getOutput()->length, "\n";
    echo "  connection: ", get_class($req->getConnection()), "\n";
    $b = new EventBuffer();
    $b->add('info');
    $req->sendReply(200, 'Fine', $b);
    echo "  buffer after reply: ", $b->length, "\n";
    echo "  response code after: ", $req->getResponseCode(), "\n";
    echo "  output headers after: ", json_encode(array_keys($req->getOutputHeaders())), "\n";
}, ['an' => 'arg']);

// Answered later, from a timer: the connection waits for the reply.
$timers = [];
$http->setCallback('/later', function (EventHttpRequest $req) use ($base, &$timers) {
    echo "  callback returns without a reply\n";
    $timers[] = $t = new Event($base, -1, Event::TIMEOUT, function () use ($req) {
        echo "  timer replies\n";
        $b = new EventBuffer();
        $b->add('late');
        $req->sendReply(200, 'OK', $b);
    });
    $t->add(0.02);
});
$http->setCallback('/stream', function (EventHttpRequest $req) use ($base, &$timers) {
    $req->sendReplyStart(200, 'Streaming');
    $n = 0;
    $timers[] = $t = new Event($base, -1, Event::TIMEOUT | Event::PERSIST, function () use ($req, &$n, &$t) {
        $b = new EventBuffer();
        $b->add("part$n;");
        $req->sendReplyChunk($b);
        if (++$n === 3) { $req->sendReplyEnd(); $t->del(); }
    });
    $t->add(0.01);
});
$http->setCallback('/unanswered', function (EventHttpRequest $req) { echo "  no reply\n"; });
$http->setCallback('/close', function (EventHttpRequest $req) { echo "  closeConnection\n"; $req->closeConnection(); });
$http->setCallback('/cancel', function (EventHttpRequest $req) { echo "  cancel\n"; $req->cancel(); });
$http->setCallback('/free', function (EventHttpRequest $req) { $req->free(); echo "  free: ", $req->getUri(), "\n"; $req->sendReply(200, 'OK'); });
$http->setCallback('/error', function (EventHttpRequest $req) {
    $req->addHeader('X-Dropped', 'yes', EventHttpRequest::OUTPUT_HEADER);
    $req->sendError(418, "I'm a teapot");
});
$http->setCallback('/throw', function (EventHttpRequest $req) { throw new RuntimeException('thrown in callback'); });
$http->setCallback('/notcallable', 'no_such_function');
$http->setDefaultCallback(function (EventHttpRequest $req, $arg) {
    echo "  default: ", $req->getUri(), " arg ", json_encode($arg), "\n";
    $req->sendReply(202, 'Accepted');
}, 7);

$cases = [
    'info' => ["POST /info?q=1 HTTP/1.1\r\nHost: srv.test:8080\r\nX-A: a\r\nx-b: b\r\nContent-Length: 4\r\n\r\nbody"],
    'later' => ["GET /later HTTP/1.1\r\n\r\n"],
    'later pipelined' => ["GET /later HTTP/1.1\r\n\r\nGET /info HTTP/1.1\r\nHost: h\r\n\r\n"],
    'stream' => ["GET /stream HTTP/1.1\r\n\r\n"],
    'unanswered' => ["GET /unanswered HTTP/1.1\r\n\r\n"],
    'close' => ["GET /close HTTP/1.1\r\n\r\n"],
    'cancel' => ["GET /cancel HTTP/1.1\r\n\r\n"],
    'free' => ["GET /free HTTP/1.1\r\n\r\n"],
    'error' => ["GET /error HTTP/1.1\r\n\r\n"],
    'not callable' => ["GET /notcallable HTTP/1.1\r\n\r\n"],
    'default' => ["GET /other HTTP/1.1\r\n\r\n"],
    'keep-alive' => ["GET /other HTTP/1.1\r\n\r\n", "GET /other HTTP/1.1\r\n\r\n", "GET /other HTTP/1.0\r\n\r\n"],
];
foreach ($cases as $label => $writes) {
    echo "== $label\n";
    exchange($base, $port, $writes);
}

echo "== throw\n";
try {
    exchange($base, $port, ["GET /throw HTTP/1.1\r\n\r\n"]);
    echo "  not thrown\n";
} catch (RuntimeException $e) {
    echo "  caught: ", $e->getMessage(), "\n";
}

// setTimeout: connections accepted from now on close after 1 s without input.
$http->setTimeout(1);
foreach (['idle' => [], 'partial request' => ["GET /other HTTP/1.1\r\n"], 'after a reply' => ["GET /other HTTP/1.1\r\n\r\n"]] as $label => $w) {
    echo "== timeout: $label\n";
    $t = microtime(true);
    exchange($base, $port, $w, 6);
    $s = microtime(true) - $t;
    echo "  closed after about 1 s: ", json_encode($s > 0.8 && $s < 5), "\n";
}
echo "done\n";
