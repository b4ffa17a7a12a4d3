<?php
require __DIR__ . '/lib/tls_pair.php';
// Truncated and garbage TLS records fed to a TLS server: an sslSocket over a
// socketpair, a filter over a socket bufferevent, a filter over createPair;
// then, for some, the peer's end of file. No crash, no hang; PECL's events,
// sslError() texts and the alert bytes the peer gets. Skipped (docs/event.md):
// a filter over a socket whose peer closes after a TLS error (the order of the
// two later events can differ).
$cases = [
    'garbage' => str_repeat("\x00\xffGARBAGE", 40),
    'http' => "GET / HTTP/1.0\r\n\r\n",
    'truncated header' => "\x16\x03\x01",
    'truncated hello' => "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" . str_repeat("\x11", 20),
    'oversized record' => "\x16\x03\x03\xff\xff" . str_repeat("\x00", 300),
    'alert' => "\x15\x03\x03\x00\x02\x02\x28",
    'app data first' => "\x17\x03\x03\x00\x10" . str_repeat("\x42", 16),
];
foreach (['socket', 'filter', 'pair'] as $kind) foreach ($cases as $name => $bytes) foreach ([false, true] as $close) {
    if ($close && $kind == 'filter' && !str_starts_with($name, 'truncated')) continue;
    if ($close && $kind == 'pair') continue; // PECL corrupts its heap freeing the peer pair half
    echo "== $kind: $name", $close ? ", then the peer closes" : "", "\n";
    $base = new EventBase();
    [$s] = ctxs();
    $u = null; $peer = null; $p = null;
    if ($kind == 'pair') {
        [$u, $peer] = EventBufferEvent::createPair($base);
        $b = EventBufferEvent::createSslFilter($u, $s, EventBufferEvent::SSL_ACCEPTING);
    } else {
        socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
        socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
        if ($kind == 'socket') $b = EventBufferEvent::sslSocket($base, $p[0], $s, EventBufferEvent::SSL_ACCEPTING);
        else { $u = new EventBufferEvent($base, $p[0]); $b = EventBufferEvent::createSslFilter($u, $s, EventBufferEvent::SSL_ACCEPTING); }
    }
    $n = 0;
    $b->setCallbacks(function ($b) { echo "read\n"; }, null, function ($b, $e) use (&$n, $base) {
        echo "event ", ev($e), " [", errs($b), "]\n";
        if (++$n > 5) $base->exit();
    });
    $b->enable(Event::READ);
    if ($peer) {
        $peer->setCallbacks(function ($x) { $got = (string)$x->read(100000); echo "peer got ", strlen($got), " bytes ", strlen($got) <= 16 ? bin2hex($got) : '', "\n"; }, null, null);
        $peer->enable(Event::READ);
        $peer->write($bytes);
        if ($close) { $base->loop(EventBase::LOOP_NONBLOCK); $peer->free(); }
    } else {
        socket_write($p[1], $bytes);
        if ($close) socket_shutdown($p[1], 1);
    }
    $base->exit(0.3); $base->dispatch();
    if ($p) { $got = (string)@socket_read($p[1], 100000); echo "peer got ", strlen($got), " bytes ", strlen($got) <= 16 ? bin2hex($got) : '', "\n"; }
    $b->free();
    if ($u) $u->free();
    if ($peer) $peer->free();
    if ($p) { socket_close($p[0]); socket_close($p[1]); }
}
echo "done\n";
