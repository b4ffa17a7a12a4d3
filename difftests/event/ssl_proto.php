<?php
// EventSslContext::setMinProtoVersion/setMaxProtoVersion: PECL returns true
// for every value (OpenSSL's answer is ignored); argument errors.
function t($f) { try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
$c = new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []);
$s = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, []);
$values = [0, 1, -1, EventSslContext::SSL3_VERSION, EventSslContext::TLS1_VERSION, EventSslContext::TLS1_1_VERSION,
    EventSslContext::TLS1_2_VERSION, 0x0304, 0x0305, EventSslContext::DTLS1_VERSION, EventSslContext::DTLS1_2_VERSION,
    0xfeff + 1, PHP_INT_MAX, PHP_INT_MIN, 1 << 32 | 0x0303];
foreach ([$c, $s] as $ctx) {
    foreach ($values as $v) {
        echo "$v: ";
        var_dump($ctx->setMinProtoVersion($v), $ctx->setMaxProtoVersion($v));
    }
}
t(fn() => $c->setMinProtoVersion());
t(fn() => $c->setMinProtoVersion(1, 2));
t(fn() => $c->setMinProtoVersion("x"));
t(fn() => $c->setMinProtoVersion("771"));
t(fn() => $c->setMaxProtoVersion(771.5));
t(fn() => $c->setMaxProtoVersion(null));
t(fn() => $c->setMaxProtoVersion([]));
t(fn() => $c->setMaxProtoVersion(proto: 771));
t(fn() => $c->setMaxProtoVersion(version: 771));
echo "done\n";
