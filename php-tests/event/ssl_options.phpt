--TEST--
EventSslContext: options with certificate files, pass phrases, CA files and property writes (expected output recorded from PECL event 3.1.5)
--EXTENSIONS--
event
--FILE--
<?php
// The options and properties with the fixture files (the differential
// scripts difftests/event/ssl_*.php cover every case against PECL; this
// keeps the main ones checked where the oracle is absent).
$fx = __DIR__ . '/../../difftests/event/fixtures/';
function t($label, $opts) {
    echo "== $label\n";
    try { $c = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, $opts); var_dump($c->local_cert !== null, $c->local_pk !== null); return $c; }
    catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
}
const C = EventSslContext::OPT_LOCAL_CERT, K = EventSslContext::OPT_LOCAL_PK, P = EventSslContext::OPT_PASSPHRASE;
t('cert+key', [C => $fx . 'cert.pem', K => $fx . 'key.pem']);
t('combined', [C => $fx . 'combined.pem']);
t('cert only', [C => $fx . 'cert.pem']);
t('missing files are skipped', [C => $fx . 'missing.pem', K => $fx . 'missing.pem']);
t('cert is a key', [C => $fx . 'key.pem']);
t('key mismatch', [C => $fx . 'cert.pem', K => $fx . 'other_key.pem']);
t('encrypted key', [P => 'secret', C => $fx . 'enc_cert.pem', K => $fx . 'enc_key.pem']);
t('encrypted key, wrong passphrase', [P => 'nope', C => $fx . 'enc_cert.pem', K => $fx . 'enc_key.pem']);
t('ca file', [EventSslContext::OPT_CA_FILE => $fx . 'ca.pem']);
t('ca file missing', [EventSslContext::OPT_CA_FILE => $fx . 'missing.pem']);
t('ciphers', [EventSslContext::OPT_CIPHERS => 'bogus', 99 => 1, 'str' => 1, EventSslContext::OPT_NO_SSLv3 => 1]);
t('no tls', [EventSslContext::OPT_NO_TLSv1_1 => true, EventSslContext::OPT_NO_TLSv1_2 => false]);
t('array to string', [EventSslContext::OPT_CIPHERS => []]);
$c = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, []);
$c->local_cert = $fx . 'cert.pem';
$c->local_pk = $fx . 'key.pem';
$c->local_pk = $fx . 'other_key.pem';
var_dump($c);
$d = new EventSslContext(EventSslContext::TLSv11_CLIENT_METHOD, [C => 'x.pem']);
var_dump($d->setMinProtoVersion(EventSslContext::TLS1_2_VERSION), $d->setMaxProtoVersion(12345), $d->local_cert, isset($d->local_pk));
new EventSslContext(13, []);
echo "done\n";
?>
--EXPECTF--
== cert+key
bool(true)
bool(true)
== combined
bool(true)
bool(false)
== cert only

Warning: EventSslContext::__construct(): Unable to set private key file `%s/cert.pem' in %s on line %d
bool(true)
bool(false)
== missing files are skipped
bool(true)
bool(true)
== cert is a key

Warning: EventSslContext::__construct(): SSL_CTX_use_certificate_chain_file failed, file: `%s/key.pem' in %s on line %d
bool(true)
bool(false)
== key mismatch

Warning: EventSslContext::__construct(): Unable to set private key file `%s/other_key.pem' in %s on line %d
bool(true)
bool(true)
== encrypted key
bool(true)
bool(true)
== encrypted key, wrong passphrase

Warning: EventSslContext::__construct(): Unable to set private key file `%s/enc_key.pem' in %s on line %d
bool(true)
bool(true)
== ca file
bool(false)
bool(false)
== ca file missing

Warning: EventSslContext::__construct(): Unable to set verify locations `%s/missing.pem' `(null)' in %s on line %d
bool(false)
bool(false)
== ciphers

Warning: EventSslContext::__construct(): Failed setting cipher list: `bogus' in %s on line %d

Warning: EventSslContext::__construct(): Unknown option 99 in %s on line %d

Warning: EventSslContext::__construct(): Unknown option 11 in %s on line %d
bool(false)
bool(false)
== no tls

Deprecated: EventSslContext::__construct(): OPT_NO_TLSv1_1 is deprecated, use EventSslContext::setMinProtoVersion instead. Setting minimal protocol version to 770 in %s on line %d

Deprecated: EventSslContext::__construct(): OPT_NO_TLSv1_2 is deprecated, use EventSslContext::setMinProtoVersion instead. Setting minimal protocol version to 0 in %s on line %d
bool(false)
bool(false)
== array to string

Warning: Array to string conversion in %s on line %d

Warning: EventSslContext::__construct(): Failed setting cipher list: `Array' in %s on line %d
bool(false)
bool(false)

Warning: main(): Unable to set private key file `%s/cert.pem' in %s on line %d

Warning: main(): Unable to set private key file `%s/other_key.pem' in %s on line %d
object(EventSslContext)#1 (2) {
  ["local_cert"]=>
  NULL
  ["local_pk"]=>
  NULL
}

Deprecated: EventSslContext::__construct(): TLSv11_CLIENT_METHOD is deprecated, use TLS_CLIENT_METHOD instead in %s on line %d
bool(true)
bool(true)
string(5) "x.pem"
bool(false)

Warning: EventSslContext::__construct(): Invalid method passed: 13 in %s on line %d
done
