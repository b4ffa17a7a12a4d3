--TEST--
EventSslContext: where PECL crashes or reads garbage, ours throws (invalid method, non-string certificate paths, serialisation)
--EXTENSIONS--
event
--FILE--
<?php
function t($f) { try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
// An invalid method: PECL warns and keeps an object without SSL_CTX, which
// segfaults on any property access, var_dump, (array) or serialize.
$x = new EventSslContext(99, []);
t(fn() => $x->setMinProtoVersion(EventSslContext::TLS1_2_VERSION)); // PECL: true, so ours too
t(fn() => $x->local_cert);
t(fn() => $x->local_pk = 'cert.pem');
t(fn() => isset($x->local_cert));
t(fn() => (array) $x);
try { var_dump($x); } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
unset($x);
echo "freed\n";
// Certificate paths that are not strings: PECL reads them as strings (a
// segfault for scalars and null, garbage for arrays and objects).
foreach ([5, null, true, 1.5, ['a'], new stdClass] as $v) {
    t(fn() => new EventSslContext(EventSslContext::TLS_SERVER_METHOD, [EventSslContext::OPT_LOCAL_CERT => $v]));
    t(fn() => new EventSslContext(EventSslContext::TLS_SERVER_METHOD, [EventSslContext::OPT_LOCAL_PK => $v, EventSslContext::OPT_CIPHERS => 'bogus']));
}
$c = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, []);
t(fn() => $c->local_cert = 5);
t(fn() => $c->local_pk = null);
t(fn() => $c->local_pk = ['key.pem']);
// PECL serialises the object and crashes when unserialising it; ours
// refuses both with PHP's own exception.
t(fn() => serialize($c));
t(fn() => unserialize('O:15:"EventSslContext":0:{}'));
t(fn() => unserialize('O:15:"EventSslContext":2:{s:10:"local_cert";N;s:8:"local_pk";N;}'));
var_dump($c);
?>
--EXPECTF--
Warning: EventSslContext::__construct(): Invalid method passed: 99 in %s on line %d
bool(true)
Error: EventSslContext object is not initialized
Error: EventSslContext object is not initialized
Error: EventSslContext object is not initialized
Error: EventSslContext object is not initialized
object(EventSslContext)#%d (0) {
}
Error: EventSslContext object is not initialized
freed
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_CERT, int given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_PK, int given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_CERT, null given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_PK, null given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_CERT, bool given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_PK, bool given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_CERT, float given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_PK, float given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_CERT, array given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_PK, array given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_CERT, stdClass given
TypeError: EventSslContext::__construct(): Argument #2 ($options) must hold a string at EventSslContext::OPT_LOCAL_PK, stdClass given
TypeError: Cannot assign int to property EventSslContext::$local_cert of type string
TypeError: Cannot assign null to property EventSslContext::$local_pk of type string
TypeError: Cannot assign array to property EventSslContext::$local_pk of type string
Exception: Serialization of 'EventSslContext' is not allowed
Exception: Unserialization of 'EventSslContext' is not allowed
Exception: Unserialization of 'EventSslContext' is not allowed
object(EventSslContext)#%d (2) {
  ["local_cert"]=>
  NULL
  ["local_pk"]=>
  NULL
}
