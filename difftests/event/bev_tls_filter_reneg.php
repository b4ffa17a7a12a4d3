<?php
require __DIR__ . '/lib/tls_pair.php';
// sslRenegotiate() on sslSocket, on filters over sockets and over createPair,
// TLS 1.2 (a real renegotiation: SSL_renegotiate and a new handshake) and
// TLS 1.3 (no renegotiation: CONNECTED again), started by either side, with
// data in flight both ways. (A client-initiated TLS 1.2 renegotiation of a
// filter over a socket fails as in PECL, but the order of its later error
// events can differ: docs/event.md.)
function setup($base, $kind, $v12) {
    [$s, $c] = ctxs();
    if ($v12) $c->setMaxProtoVersion(EventSslContext::TLS1_2_VERSION);
    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
    socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
    if ($kind == 'socket') {
        $bs = EventBufferEvent::sslSocket($base, $p[0], $s, EventBufferEvent::SSL_ACCEPTING);
        $bc = EventBufferEvent::sslSocket($base, $p[1], $c, EventBufferEvent::SSL_CONNECTING);
        return [$bs, $bc, [], $p];
    }
    if ($kind == 'pair') { [$u1, $u2] = EventBufferEvent::createPair($base); }
    else { $u1 = new EventBufferEvent($base, $p[0]); $u2 = new EventBufferEvent($base, $p[1]); }
    $bs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
    $bc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
    return [$bs, $bc, [$u1, $u2], $p];
}
foreach (['socket', 'filter', 'pair'] as $kind) foreach ([true, false] as $v12) foreach (['client', 'server'] as $who) {
    if ($kind == 'filter' && $v12 && $who == 'client') continue;
    echo "== $kind, ", $v12 ? "TLS 1.2" : "TLS 1.3", ", $who renegotiates\n";
    $base = new EventBase();
    [$bs, $bc, $u, $p] = setup($base, $kind, $v12);
    $log = [];
    $got = ['s' => '', 'c' => ''];
    foreach (['s' => $bs, 'c' => $bc] as $n => $b) {
        $b->setCallbacks(function ($b) use ($n, &$got) { $got[$n] .= $b->read(1 << 20); echo "$n read ", strlen($got[$n]), "\n"; },
            null,
            function ($b, $e) use ($n) { echo "$n event ", ev($e), " ", $b->sslGetProtocol(), " [", errs($b), "]\n"; });
        $b->enable(Event::READ);
    }
    $base->exit(1); $base->dispatch();
    $bc->write(str_repeat("a", 1000)); $bs->write(str_repeat("b", 1000));
    $r = ($who == 'client' ? $bc : $bs)->sslRenegotiate();
    var_dump($r);
    echo "renegotiate called\n";
    $bc->write(str_repeat("c", 70000)); $bs->write(str_repeat("d", 70000));
    $base->exit(1); $base->dispatch();
    echo "after: s got ", strlen($got['s']), " ", md5($got['s']), " c got ", strlen($got['c']), " ", md5($got['c']), "\n";
    $bc->write("x"); $bs->write("y");
    $base->exit(1); $base->dispatch();
    $bs->free(); $bc->free();
    foreach ($u as $x) $x->free();
    socket_close($p[0]); socket_close($p[1]);
}
