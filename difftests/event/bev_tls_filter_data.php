<?php
require __DIR__ . '/lib/tls_pair.php';
// TLS filters carrying data: over a socketpair's plain bufferevents, 1 MB each way in uneven writes, echoed by the server; end of
// file of the underlying socket;
// a TLS server that accepts with EventListener and wraps each connection
// with createSslFilter(OPT_CLOSE_ON_FREE), a client filter over connect().
function filt($u1, $u2, $opts = 0) {
    [$s, $c] = ctxs();
    return [EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING, $opts),
            EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING, $opts)];
}
function payload($total) {
    mt_srand(11);
    $data = '';
    while (strlen($data) < $total) $data .= md5((string)mt_rand(), true);
    return substr($data, 0, $total);
}
function echo_run($base, $fs, $fc, $label) {
    echo "== $label\n";
    $data = payload(1 << 20);
    $got = ''; $reads = 0; $writes = 0;
    $fs->setCallbacks(function ($b) { $b->writeBuffer($b->getInput()); }, null, function ($b, $e) { echo "server event ", ev($e), " [", errs($b), "]\n"; });
    $fc->setCallbacks(function ($b) use (&$got, &$reads, $data, $base) {
        $reads++;
        $got .= $b->read(1 << 20);
        if (strlen($got) >= strlen($data)) $base->exit();
    }, function ($b) use (&$writes) { $writes++; }, function ($b, $e) use ($data) {
        echo "client event ", ev($e), " ", $b->sslGetProtocol(), "\n";
        if ($e & EventBufferEvent::CONNECTED) {
            for ($o = 0, $i = 1; $o < strlen($data); $o += $n, $i++) { $n = ($i * 7919) % 100000 + 1; $b->write(substr($data, $o, $n)); }
        }
    });
    $fs->enable(Event::READ); $fc->enable(Event::READ);
    $base->exit(20);
    $base->dispatch();
    echo "echoed ", strlen($got), " bytes, same: ", var_export($got === $data, true), ", read callbacks: $reads, write callbacks: ", var_export($writes > 0, true), "\n";
}

$base = new EventBase();
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
$u1 = new EventBufferEvent($base, $p[0]); $u2 = new EventBufferEvent($base, $p[1]);
[$fs, $fc] = filt($u1, $u2);
echo_run($base, $fs, $fc, "socketpair");
echo "-- the client's socket shuts down\n";
$fs->setCallbacks(null, null, function ($b, $e) use ($base) { echo "server event ", ev($e), " [", errs($b), "]\n"; $base->exit(); });
socket_shutdown($p[1], 2);
$base->exit(5); $base->dispatch();
$fs->free(); $fc->free(); $u1->free(); $u2->free();
socket_close($p[0]); socket_close($p[1]);

// (Data over createPair is in php-tests/event/ssl_filter_10mb.phpt: PECL
// crashes when those filters and pair halves are freed.)

echo "== EventListener server\n";
$base = new EventBase();
[$s, $c] = ctxs();
$conns = [];
$ls = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($ls, '127.0.0.1', 0);
socket_listen($ls, 8);
socket_set_nonblock($ls);
socket_getsockname($ls, $addr, $port);
$l = new EventListener($base, function ($l, $fd) use ($base, $s, &$conns) {
    $u = new EventBufferEvent($base, $fd, EventBufferEvent::OPT_CLOSE_ON_FREE);
    $f = EventBufferEvent::createSslFilter($u, $s, EventBufferEvent::SSL_ACCEPTING);
    $f->setCallbacks(function ($b) {
        $line = $b->read(100);
        echo "server got '$line'\n";
        $b->write(strtoupper($line));
    }, null, function ($b, $e) use (&$conns) {
        echo "server event ", ev($e), " [", errs($b), "]\n";
    });
    $f->enable(Event::READ);
    $conns = [$f, $u];
}, null, 0, -1, $ls);
$u = new EventBufferEvent($base, null, EventBufferEvent::OPT_CLOSE_ON_FREE);
var_dump($u->connect("127.0.0.1:$port"));
$fc = EventBufferEvent::createSslFilter($u, $c, EventBufferEvent::SSL_CONNECTING);
$fc->setCallbacks(function ($b) use ($base) {
    echo "client got '", $b->read(100), "'\n";
    $base->exit();
}, null, function ($b, $e) {
    echo "client event ", ev($e), " ", $b->sslGetProtocol(), "\n";
    if ($e & EventBufferEvent::CONNECTED) $b->write("ping");
});
$fc->enable(Event::READ);
$base->exit(3); $base->dispatch();
$fc->free(); $u->free();
[$f, $su] = $conns; $f->free(); $su->free();
$l->free();
socket_close($ls);
echo "done\n";
