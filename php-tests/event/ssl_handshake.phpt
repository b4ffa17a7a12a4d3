--TEST--
EventSslContext on real TLS connections (EventBufferEvent::sslSocket): verification, allow_self_signed, CA files, protocol bounds, ciphers, client certificates; expected output recorded from PECL event 3.1.5
--EXTENSIONS--
event
sockets
--SKIPIF--
<?php
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
try { EventBufferEvent::sslSocket(new EventBase(), $p[0], new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []), EventBufferEvent::SSL_CONNECTING)->free(); }
catch (EventException $e) { if (str_contains($e->getMessage(), 'not available')) die('skip EventBufferEvent::sslSocket is not available: ' . $e->getMessage()); }
?>
--FILE--
<?php
// Each case: a server and a client EventBufferEvent::sslSocket over a
// non-blocking socketpair, on one base, until both report.
$fx = __DIR__ . '/../../difftests/event/fixtures/';
function hs($label, $srvOpts, $cliOpts, $setup = null, $sm = EventSslContext::TLS_SERVER_METHOD, $cm = EventSslContext::TLS_CLIENT_METHOD) {
    echo "== $label\n";
    $base = new EventBase();
    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
    socket_set_nonblock($pair[0]); socket_set_nonblock($pair[1]);
    $s = new EventSslContext($sm, $srvOpts);
    $c = new EventSslContext($cm, $cliOpts);
    if ($setup) $setup($s, $c);
    $done = 0;
    $mk = function ($side, $sock, $ctx, $state) use ($base, &$done) {
        $b = EventBufferEvent::sslSocket($base, $sock, $ctx, $state, 0);
        $b->setCallbacks(null, null, function ($b, $ev) use ($side, $base, &$done) {
            if ($ev & EventBufferEvent::CONNECTED) echo "$side connected ", $b->sslGetProtocol(), " ", $b->sslGetCipherName(), "\n";
            if ($ev & (EventBufferEvent::ERROR | EventBufferEvent::EOF)) echo "$side ", ($ev & EventBufferEvent::EOF) ? "eof" : "error", " [", $b->sslError(), "]\n";
            if (++$done >= 2) $base->exit();
        });
        $b->enable(Event::READ);
        return $b;
    };
    $bs = $mk('server', $pair[0], $s, EventBufferEvent::SSL_ACCEPTING);
    $bc = $mk('client', $pair[1], $c, EventBufferEvent::SSL_CONNECTING);
    $base->exit(5);
    $base->dispatch();
    $bs->free(); $bc->free(); socket_close($pair[0]); socket_close($pair[1]);
}
const C = EventSslContext::OPT_LOCAL_CERT, K = EventSslContext::OPT_LOCAL_PK, V = EventSslContext::OPT_VERIFY_PEER,
    A = EventSslContext::OPT_ALLOW_SELF_SIGNED, F = EventSslContext::OPT_CA_FILE;
$srv = [C => $fx . 'cert.pem', K => $fx . 'key.pem'];
hs('no verification', $srv, []);
hs('verify peer, untrusted', $srv, [V => true]);
hs('verify peer, self-signed allowed', $srv, [V => true, A => true]);
hs('verify peer, trusted by CA file', $srv, [V => true, F => $fx . 'cert.pem']);
hs('verify peer, other CA file, self-signed allowed', $srv, [V => true, A => true, F => $fx . 'other_cert.pem']);
hs('verify peer, missing CA file, self-signed allowed', $srv, [V => true, A => true, F => $fx . 'missing.pem']);
$leaf = [C => $fx . 'leaf.pem', K => $fx . 'leaf_key.pem'];
hs('chain, CA trusted, depth 0', $leaf, [V => true, F => $fx . 'ca.pem', EventSslContext::OPT_VERIFY_DEPTH => 0]);
hs('chain, CA unknown, self-signed allowed', $leaf, [V => true, A => true]);
hs('client max TLS 1.2', $srv, [], fn($s, $c) => $c->setMaxProtoVersion(EventSslContext::TLS1_2_VERSION));
hs('server min 1.3, client max 1.2', $srv, [], function ($s, $c) { $s->setMinProtoVersion(0x0304); $c->setMaxProtoVersion(EventSslContext::TLS1_2_VERSION); });
hs('OPT_NO_TLSv1_2 is min TLS 1.2', $srv + [EventSslContext::OPT_NO_TLSv1_2 => true], [], fn($s, $c) => $c->setMaxProtoVersion(EventSslContext::TLS1_2_VERSION));
hs('ciphers without overlap (TLS 1.2)', $srv + [EventSslContext::OPT_CIPHERS => 'AES128-SHA'], [EventSslContext::OPT_CIPHERS => 'AES256-SHA'], fn($s, $c) => $c->setMaxProtoVersion(EventSslContext::TLS1_2_VERSION));
hs('server without certificate', [], []);
hs('certificate by property', [], [], function ($s, $c) use ($fx) { $s->local_cert = $fx . 'combined.pem'; });
hs('encrypted key with passphrase', [EventSslContext::OPT_PASSPHRASE => 'secret', C => $fx . 'enc_cert.pem', K => $fx . 'enc_key.pem'], []);
$req = $srv + [V => true, A => true, EventSslContext::OPT_REQUIRE_CLIENT_CERT => true];
hs('client certificate required, none', $req, []);
hs('client certificate required, given', $req, [C => $fx . 'other_cert.pem', K => $fx . 'other_key.pem']);
hs('client certificate required before verify peer, none', [EventSslContext::OPT_REQUIRE_CLIENT_CERT => true, V => true, A => true] + $srv, []);
hs('client certificate required without verify peer', [EventSslContext::OPT_REQUIRE_CLIENT_CERT => true] + $srv, []);
hs('TLSv12 methods are TLS (1.3 is negotiated)', $srv, [], null, EventSslContext::TLSv12_SERVER_METHOD, EventSslContext::TLSv12_CLIENT_METHOD);
echo "done\n";
?>
--EXPECTF--
== no verification
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
== verify peer, untrusted
client error [error:0A000086:SSL routines::certificate verify failed]
server error [error:0A000418:SSL routines::tlsv1 alert unknown ca]
== verify peer, self-signed allowed
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
== verify peer, trusted by CA file
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
== verify peer, other CA file, self-signed allowed
client error [error:0A000086:SSL routines::certificate verify failed]
server error [error:0A000418:SSL routines::tlsv1 alert unknown ca]
== verify peer, missing CA file, self-signed allowed

Warning: EventSslContext::__construct(): Unable to set verify locations `%s/missing.pem' `(null)' in %s on line %d
client error [error:0A000086:SSL routines::certificate verify failed]
server error [error:0A000418:SSL routines::tlsv1 alert unknown ca]
== chain, CA trusted, depth 0
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
== chain, CA unknown, self-signed allowed
client error [error:0A000086:SSL routines::certificate verify failed]
server error [error:0A000418:SSL routines::tlsv1 alert unknown ca]
== client max TLS 1.2
server connected TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384
client connected TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384
== server min 1.3, client max 1.2
server error [error:0A000102:SSL routines::unsupported protocol]
client error [error:0A00042E:SSL routines::tlsv1 alert protocol version]
== OPT_NO_TLSv1_2 is min TLS 1.2

Deprecated: EventSslContext::__construct(): OPT_NO_TLSv1_2 is deprecated, use EventSslContext::setMinProtoVersion instead. Setting minimal protocol version to 771 in %s on line %d
server connected TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384
client connected TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384
== ciphers without overlap (TLS 1.2)
server error [error:0A0000C1:SSL routines::no shared cipher]
client error [error:0A000410:SSL routines::%s alert handshake failure]
== server without certificate
server error [error:0A0000C1:SSL routines::no shared cipher]
client error [error:0A000410:SSL routines::%s alert handshake failure]
== certificate by property
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
== encrypted key with passphrase
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
== client certificate required, none
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server error [error:0A0000C7:SSL routines::peer did not return a certificate]
== client certificate required, given
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
== client certificate required before verify peer, none
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server error [error:0A0000C7:SSL routines::peer did not return a certificate]
== client certificate required without verify peer
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
== TLSv12 methods are TLS (1.3 is negotiated)

Deprecated: EventSslContext::__construct(): TLSv12_SERVER_METHOD is deprecated, use TLS_SERVER_METHOD instead in %s on line %d

Deprecated: EventSslContext::__construct(): TLSv12_CLIENT_METHOD is deprecated, use TLS_CLIENT_METHOD instead in %s on line %d
client connected TLSv1.3 TLS_AES_256_GCM_SHA384
server connected TLSv1.3 TLS_AES_256_GCM_SHA384
done
