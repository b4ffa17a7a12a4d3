<?php
// EventSslContext: constants, every method number (deprecations, methods
// OpenSSL 3 lacks, unknown numbers), constructor argument errors, a second
// __construct call, clone, ==. An invalid method leaves PECL with an object
// that crashes when read, so those objects are only used where PECL copes
// (setMinProtoVersion/setMaxProtoVersion, unset); the reads are in
// php-tests/event/ssl_better_than_pecl.phpt.
function t($f) { try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
$rc = new ReflectionClass('EventSslContext');
foreach ($rc->getConstants() as $name => $value) {
    // The OpenSSL version PECL was built with is not the one ours runs on.
    if (str_starts_with($name, 'OPENSSL_VERSION')) { echo "$name: ", gettype($value), "\n"; continue; }
    echo "$name = $value\n";
}
var_dump($rc->isFinal(), $rc->isCloneable(), $rc->isInstantiable(), EventSslContext::OPENSSL_VERSION_NUMBER >= 0x30000000);
var_dump(str_starts_with(EventSslContext::OPENSSL_VERSION_TEXT, 'OpenSSL 3.'));
for ($m = -2; $m <= 14; $m++) {
    echo "-- method $m\n";
    $c = new EventSslContext($m, []);
    var_dump($c->setMinProtoVersion(EventSslContext::TLS1_2_VERSION), $c->setMaxProtoVersion(0));
    unset($c);
}
foreach ([PHP_INT_MAX, PHP_INT_MIN, 1 << 32 | 4] as $m) { echo "-- method $m\n"; $c = new EventSslContext($m, []); unset($c); }
// An invalid method skips the options entirely: no warning for these.
$c = new EventSslContext(99, [EventSslContext::OPT_CIPHERS => 'bogus', 1000 => 1]);
unset($c);
echo "-- argument errors\n";
// Only the class of what is made: an object with an invalid method (null is 0) crashes PECL's var_dump.
function n($f) { try { $o = $f(); echo get_class($o), "\n"; } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
n(fn() => new EventSslContext());
n(fn() => new EventSslContext(4));
n(fn() => new EventSslContext(4, [], 1));
n(fn() => new EventSslContext("x", []));
n(fn() => new EventSslContext("4", []));
n(fn() => new EventSslContext(4.0, []));
n(fn() => new EventSslContext(4.5, []));
n(fn() => new EventSslContext(null, []));
n(fn() => new EventSslContext(4, null));
n(fn() => new EventSslContext(4, "x"));
n(fn() => new EventSslContext(4, new ArrayObject([])));
n(fn() => new EventSslContext(method: 8, options: []));
n(fn() => new EventSslContext(options: [], method: 4));
n(fn() => new EventSslContext(options: []));
echo "-- objects\n";
$a = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, []);
$b = new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []);
var_dump($a == $b, $a === $b, $a == $a, $a instanceof EventSslContext);
t(fn() => clone $a);
t(fn() => $a->__construct(EventSslContext::TLS_CLIENT_METHOD, [EventSslContext::OPT_CIPHERS => 'bogus']));
var_dump($a);
t(fn() => $a->__construct(7, []));
t(fn() => $a->__construct(99, []));
t(fn() => EventSslContext::setMinProtoVersion(1));
$f = function () { return $this->local_cert; };
t(fn() => Closure::bind($f, $b, EventSslContext::class)());
echo "done\n";
