<?php
// Shared setup of the bev_tls_* scripts (difftests/event/lib/, copied beside each script by
// scripts/difftest.sh and scripts/valgrind.sh): the PEM fixtures (lib/pem.php) are
// written into the run directory, and tls_pair() makes two
// sslSocket bufferevents over a non-blocking socketpair.
require __DIR__ . '/pem.php';
const SRV = [EventSslContext::OPT_LOCAL_CERT => 'cert.pem', EventSslContext::OPT_LOCAL_PK => 'key.pem'];
function ctxs($cli = []) {
    return [new EventSslContext(EventSslContext::TLS_SERVER_METHOD, SRV), new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, $cli)];
}
function tls_pair($base, $cli = [], $opts = 0) {
    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
    socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
    [$s, $c] = ctxs($cli);
    $bs = EventBufferEvent::sslSocket($base, $p[0], $s, EventBufferEvent::SSL_ACCEPTING, $opts);
    $bc = EventBufferEvent::sslSocket($base, $p[1], $c, EventBufferEvent::SSL_CONNECTING, $opts);
    return [$bs, $bc, $p];
}
function errs($b) { $o = []; while (($e = $b->sslError()) !== false) $o[] = $e; return implode(' | ', $o); }
function ev($e) {
    $n = [];
    foreach (['READING', 'WRITING', 'EOF', 'ERROR', 'TIMEOUT', 'CONNECTED'] as $k) if ($e & constant("EventBufferEvent::$k")) $n[] = $k;
    return implode('|', $n);
}

