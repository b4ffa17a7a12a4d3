<?php
require __DIR__ . '/lib/tls_pair.php';

// Handshake outcomes through sslSocket: no verification, verify_peer on an
// untrusted self-signed certificate, allow_self_signed, the getters and
// sslError() before and after, getEnabled(), and the allow_ssl_dirty_shutdown property.
foreach ([
    'no verification' => [],
    'verify peer, untrusted' => [EventSslContext::OPT_VERIFY_PEER => true],
    'verify peer, self-signed allowed' => [EventSslContext::OPT_VERIFY_PEER => true, EventSslContext::OPT_ALLOW_SELF_SIGNED => true],
] as $label => $cli) {
    echo "== $label\n";
    $base = new EventBase();
    [$bs, $bc, $p] = tls_pair($base, $cli);
    var_dump($bc->getEnabled(), $bc->sslGetProtocol(), $bc->sslGetCipherName(), $bc->sslGetCipherVersion(), $bc->sslGetCipherInfo(), $bc->sslError(), $bc->allow_ssl_dirty_shutdown);
    $n = 0;
    foreach (['server' => $bs, 'client' => $bc] as $side => $b) {
        $b->setCallbacks(null, null, function ($b, $e) use ($side, $base, &$n) {
            echo "$side event ", ev($e), "\n";
            if ($e & EventBufferEvent::CONNECTED) {
                echo "  ", $b->sslGetProtocol(), " ", $b->sslGetCipherName(), " ", $b->sslGetCipherVersion(), "\n";
                echo "  ", preg_replace('/\s+/', ' ', $b->sslGetCipherInfo()), "\n";
            } else {
                echo "  errors: ", errs($b), "\n";
            }
            echo "  enabled ", $b->getEnabled(), "\n";
            if (++$n == 2) $base->exit();
        });
    }
    $base->exit(5);
    $base->dispatch();
    $bc->allow_ssl_dirty_shutdown = true;
    var_dump($bc->allow_ssl_dirty_shutdown, $bs->allow_ssl_dirty_shutdown);
    $bs->free(); $bc->free();
    socket_close($p[0]); socket_close($p[1]);
}
echo "== invalid state\n";
$base = new EventBase();
[$s, $c] = ctxs();
var_dump(EventBufferEvent::sslSocket($base, null, $c, 7));
echo "== plain bufferevent\n";
$plain = new EventBufferEvent($base);
var_dump($plain->sslError(), $plain->sslRenegotiate(), $plain->sslGetCipherInfo(), $plain->sslGetCipherName(), $plain->sslGetCipherVersion(), $plain->sslGetProtocol());
