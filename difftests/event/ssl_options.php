<?php
// EventSslContext's options that need no certificate files: every OPT_*
// with values of every type (PECL's conversions, warnings and notices),
// unknown and string keys, CA file/path failures, the deprecated OPT_NO_*.
function t($label, $opts, $method = EventSslContext::TLS_SERVER_METHOD) {
    echo "== $label\n";
    try { $c = new EventSslContext($method, $opts); var_dump($c); }
    catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
}
class S { function __toString(): string { return "HIGH:!aNULL"; } }
$dir = getcwd();
t('empty', []);
t('ciphers ok', [EventSslContext::OPT_CIPHERS => 'HIGH:!aNULL:!MD5']);
t('ciphers bad', [EventSslContext::OPT_CIPHERS => 'bogus']);
t('ciphers nul', [EventSslContext::OPT_CIPHERS => "bogus\0HIGH"]);
t('ciphers empty', [EventSslContext::OPT_CIPHERS => '']);
t('ciphers tls13 only name', [EventSslContext::OPT_CIPHERS => 'TLS_AES_128_GCM_SHA256']);
t('ciphers object', [EventSslContext::OPT_CIPHERS => new S]);
t('ciphers stdClass then passphrase', [EventSslContext::OPT_CIPHERS => new stdClass, EventSslContext::OPT_PASSPHRASE => 'x']);
t('ca file missing', [EventSslContext::OPT_CA_FILE => 'missing.pem']);
t('ca path missing', [EventSslContext::OPT_CA_PATH => '/nonexistent']);
t('ca path dir', [EventSslContext::OPT_CA_PATH => $dir]);
t('ca both missing', [EventSslContext::OPT_CA_PATH => '/nonexistent', EventSslContext::OPT_CA_FILE => 'missing.pem']);
t('ca file dir', [EventSslContext::OPT_CA_FILE => $dir]);
t('ca file nul', [EventSslContext::OPT_CA_FILE => "missing\0.pem"]);
foreach ([null, false, true, 0, 1, -3, 1.5, "", "0", "abc", "12abc", [], [1], new S] as $v) {
    $l = is_object($v) ? 'object' : str_replace("\n", "", var_export($v, true));
    t("ciphers $l", [EventSslContext::OPT_CIPHERS => $v]);
    t("cafile $l", [EventSslContext::OPT_CA_FILE => $v]);
    t("capath $l", [EventSslContext::OPT_CA_PATH => $v]);
    t("depth $l", [EventSslContext::OPT_VERIFY_DEPTH => $v]);
    t("passphrase $l", [EventSslContext::OPT_PASSPHRASE => $v]);
    t("flags $l", [EventSslContext::OPT_VERIFY_PEER => $v, EventSslContext::OPT_ALLOW_SELF_SIGNED => $v,
        EventSslContext::OPT_REQUIRE_CLIENT_CERT => $v, EventSslContext::OPT_VERIFY_CLIENT_ONCE => $v,
        EventSslContext::OPT_CIPHER_SERVER_PREFERENCE => $v]);
    t("no tls $l", [EventSslContext::OPT_NO_TLSv1 => $v, EventSslContext::OPT_NO_TLSv1_1 => $v, EventSslContext::OPT_NO_TLSv1_2 => $v]);
}
t('no ssl', [EventSslContext::OPT_NO_SSLv2 => true, EventSslContext::OPT_NO_SSLv3 => false]);
t('unknown', [0 => 1, 18 => 1, 99 => 'x', -1 => true, PHP_INT_MAX => 1, PHP_INT_MIN => 2]);
t('string keys', ['foo' => 1, 'OPT_CIPHERS' => 'bogus', '9' => 'bogus', '09' => 'bogus', ' 9' => 'bogus']);
t('order', [EventSslContext::OPT_NO_TLSv1_2 => true, 99 => 1, EventSslContext::OPT_CIPHERS => 'bogus', EventSslContext::OPT_CA_FILE => 'x.pem', 0 => 0]);
t('list', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's']);
t('client method', [EventSslContext::OPT_CIPHERS => 'bogus', EventSslContext::OPT_VERIFY_PEER => true], EventSslContext::TLS_CLIENT_METHOD);
$ref = 'bogus';
t('reference', [EventSslContext::OPT_CIPHERS => &$ref]);
var_dump($ref);
$opts = [EventSslContext::OPT_CIPHERS => 5, EventSslContext::OPT_VERIFY_DEPTH => '7'];
t('array untouched', $opts);
var_dump($opts);
echo "done\n";
