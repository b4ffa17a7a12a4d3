<?php
// Shared setup (copied from bev_tls_data.php): the PEM fixtures (cert.pem, key.pem from
// difftests/event/fixtures/, embedded: the runner copies only the script) are
// written into the run directory, and tls_pair() makes two sslSocket
// bufferevents over a non-blocking socketpair.
file_put_contents('cert.pem', <<<'PEM'
-----BEGIN CERTIFICATE-----
MIIDCzCCAfOgAwIBAgIUPH3A5Ft6MyFKCcPKGEwKVaNl2AMwDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTAxNTQ1MloYDzIxMjYx
MTA1MDE1NDUyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQDWiCMRS2HTwFb/Xi+rZC+xes4yONu/zr/7gnq8m4gJ
Yl3oems/eyhSsGx3QLr+lGu/pFiUAZ7B1XnQF6EeR0WzS6FiG3Tui7CVgRBpu8y3
dR+XS8rOXP7pr50MsbWYUcAPfiFn+ASpX2StH3URT51pSMj5k9OxUUA/VJSYuKEj
zWMExapXpqvpEOCSaQAwYrnC7ed6XqmdGm0BEq0WhFw1rSAFryktw+gAbsAf2FmF
NxOLv8yvboZzmGSrzFtURF2CBNbdrCus/apnjoGiFgcdr5DCJRm+9zY2FDIvdma+
khe5hEKtnMWb6V3OhMq+BMCd1fCchn2aWP071AcUk813AgMBAAGjUzBRMB0GA1Ud
DgQWBBRamss6k1PQc4JZJwA8DV/H/psvmjAfBgNVHSMEGDAWgBRamss6k1PQc4JZ
JwA8DV/H/psvmjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQA1
IvLMPr7pi11HUb2jUbhTqYepBTOzz+0IGXE4NhGrGxGPqBcUm4PorHRNxOQd7e1z
jG3mz8hnSxn4Mu3p72Iy2EYZqvW3ma7i+9Hn1iMBfVcjU8wK9jfdAyZBh3h3I9K6
dozBxTxpjSDge5gezxwC1eWtHcrwvJVEWp6WNT+FL5d6GxnJj4PdfJO5S/MEq5UK
Sel9zpyWuDOhVOlE4UpW5iRPbPJpeLCwMO2du+nyIuh7Y7PH3wPtoi7qplO9H4I7
ydrt+WTD2y5bGw0ej+HVHZYNe9ycp5aMRnwydpimV08AH/srsbanf3eAWQq4/Sfc
87GlkOOO16wnFuhbIHw3
-----END CERTIFICATE-----
PEM);
file_put_contents('key.pem', <<<'PEM'
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDWiCMRS2HTwFb/
Xi+rZC+xes4yONu/zr/7gnq8m4gJYl3oems/eyhSsGx3QLr+lGu/pFiUAZ7B1XnQ
F6EeR0WzS6FiG3Tui7CVgRBpu8y3dR+XS8rOXP7pr50MsbWYUcAPfiFn+ASpX2St
H3URT51pSMj5k9OxUUA/VJSYuKEjzWMExapXpqvpEOCSaQAwYrnC7ed6XqmdGm0B
Eq0WhFw1rSAFryktw+gAbsAf2FmFNxOLv8yvboZzmGSrzFtURF2CBNbdrCus/apn
joGiFgcdr5DCJRm+9zY2FDIvdma+khe5hEKtnMWb6V3OhMq+BMCd1fCchn2aWP07
1AcUk813AgMBAAECggEAIDcOl7OWMSdvk6bKdGugWH/JzvOILDlueDo+bBbUSsnM
CEkPKdfjVOd2okHE0s3pkDxXANgYGvYPoMFWSdGyFHEwVCcuBqmmDrf0MFcp2rK/
17G4oVyIUFc1YjPywmN5pS9E8kk6307v3f9x+POCU85rlO7Z7y/1pzea84QQzpXr
/SGauyVumE874wwCnM5/KjxcSuqMUoAAnAROlnM9F4z+TaO96I70u1TtphdRm7VM
mqia08shhq3t+hWFctada4lQiDt1fwfTxElIJPQfUs291jXCfRiV194cCPF9mlGI
RGlPDOZ/wmy94plKLsH7fEkZaRDEOKktvQ1iYwI7AQKBgQDqvzCD8gDct2KdwJgx
OLKH5rHz2zF+swlmBgtp2E9xX1EiLewlCUcx0ITDWtvXZyjRx0fhBG/ffIKLBiIs
+mbimS/OwlXfyvcAUBH1KKXYo5IHJ18ROtlA76QIvLUdrM7gKkzyd3P1JsX5h1aH
bnmnYRJxTyYYJHZMEOerPNtpVwKBgQDp9GqHAZTE4eU6v5Mh6Nl4E1vdPCZsk/BG
PjiwQFgiFc+UIMCZnwljwQWa0E2AndvRmgTWFZiUHpqr5ieb+ghXpk6heOnvNnsg
8xxcGhX/MkrjFvOW4zWAT2NDGqdPfaa1jJvFa2SpPbNj4QYu2Jvcnuc2RYQfJ3+t
XSIiDKqI4QKBgQDfZGhn+EInyQC4/RIYLUuAluKcHOkCGKEGDRSJeodHbZzJOQhz
yluNJVFikzGI0CwBTnKxyUYpWNTmNkUJppWIaJ0dVsTf/seF7azZMAB7pFWQJ0CK
JgWfjS39/o8hGVWZ78dgKpsYHfji2I9YvKJazb7+Q4MOEIzfIGtHAtgOawKBgQCa
8pr/MWfjga09XJZI1hv57/BetTDJpq1zCFCpQuRcJs/lTk/hLricTcG1iBJchbCJ
wJVFaOY165MLGJLRNicCTg4z2Y4uNYoVB46X3VsGOrvobVIFdBQCGBIo5mU7O4AH
K8obVYZEpK3ED8v1iNappsCBbEcWDyX7nvw1SuhDYQKBgCnloxm2J4SINQ2PQaj8
kVQvWhobWmWN7U7aS369IAXDi41gFaBuQj0kjJYNoc1ioRXSDLJ+Ti5GWlo5vpiy
yvJHxR5VFxsuHtX4o1HnUvx9k3aU0Gs7qcVR9BLPM3eXvFH0x13kpK7xlrK66kcb
LLoRo+Ts22+fGqeyc/A+FMW0
-----END PRIVATE KEY-----
PEM);
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
function lens($u1, $u2) { return "u1 in {$u1->input->length} out {$u1->output->length}; u2 in {$u2->input->length} out {$u2->output->length}"; }
function cbs($f, $n) {
    $f->setCallbacks(function ($b) use ($n) { echo "$n read: ", $b->read(100), "\n"; }, function ($b) use ($n) { echo "$n write cb\n"; }, function ($b, $e) use ($n) { echo "$n event ", ev($e), " ", $b->sslGetProtocol(), "\n"; });
}
// createSslFilter over createPair: when the handshake starts (an enable() of
// a filter, not its creation or a write), the filters' and the underlying
// bufferevents' state, the order of CONNECTED, read and write callbacks.
foreach (['nothing enabled' => [], 'server READ' => ['s' => Event::READ], 'client READ' => ['c' => Event::READ],
          'client WRITE' => ['c' => Event::WRITE], 'both READ' => ['s' => Event::READ, 'c' => Event::READ]] as $label => $en) {
    echo "== $label\n";
    $base = new EventBase();
    [$u1, $u2] = EventBufferEvent::createPair($base);
    [$s, $c] = ctxs();
    $fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
    echo "after the client filter: ", lens($u1, $u2), "\n";
    $fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
    echo "enabled: ", $fs->getEnabled(), " ", $fc->getEnabled(), ", underlying: ", $u1->getEnabled(), " ", $u2->getEnabled(), "\n";
    var_dump($fs->fd, $fc->sslGetProtocol(), $fc->sslGetCipherName(), $fc->sslGetCipherInfo(), $fc->sslError());
    cbs($fs, 's'); cbs($fc, 'c');
    $base->loop(EventBase::LOOP_NONBLOCK);
    $fc->write("hello");
    $base->loop(EventBase::LOOP_NONBLOCK);
    echo "after a write: ", lens($u1, $u2), "\n";
    foreach ($en as $who => $what) (${"f$who"})->enable($what);
    echo "enable() returned\n";
    $base->loop(EventBase::LOOP_NONBLOCK);
    echo "after a loop: ", lens($u1, $u2), "\n";
    $fs->write("world");
    $base->exit(0.2); $base->dispatch();
    echo "end: ", lens($u1, $u2), "\n";
    $fs->free(); $fc->free(); $u1->free(); $u2->free();
}

// (A filter whose underlying PHP object went away is in
// php-tests/event/ssl_filter_lifetime.phpt: PECL corrupts its heap there.)
echo "== setCallbacks() on the underlying bufferevent takes it back\n";
$base = new EventBase();
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
$fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
cbs($fs, 's'); cbs($fc, 'c');
$u1->setCallbacks(function ($b) { echo "u1 read ", $b->input->length, " bytes\n"; }, null, null);
$fc->enable(Event::READ);
$base->exit(0.2); $base->dispatch();
echo lens($u1, $u2), "\n";
$fs->free(); $fc->free(); $u1->free(); $u2->free();

echo "== freeing a filter without OPT_CLOSE_ON_FREE gives the underlying one back, callbacks unset\n";
$base = new EventBase();
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
$fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
cbs($fs, 's'); cbs($fc, 'c');
$fs->enable(Event::READ); $fc->enable(Event::READ);
$base->exit(0.2); $base->dispatch();
$fc->free();
var_dump($u2->write("plain"), $u2->getEnabled());
$base->exit(0.2); $base->dispatch();
echo lens($u1, $u2), "\n";
$u2->setCallbacks(function ($b) { echo "u2 read\n"; }, null, function ($b, $e) { echo "u2 event ", ev($e), "\n"; });
$u2->write("again");
$base->exit(0.2); $base->dispatch();
$fs->free(); $u1->free(); $u2->free();

echo "== arguments\n";
$base = new EventBase();
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
var_dump(EventBufferEvent::createSslFilter($u1, $c, 7));
var_dump(EventBufferEvent::createSslFilter($u1, $c, -1));
foreach ([[$u1, 'x', 1], ['x', $c, 1], [$u1, $c, 'x']] as $a) {
    try { EventBufferEvent::createSslFilter(...$a); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
try { EventBufferEvent::createSslFilter($u1); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$u1->free();
var_dump(EventBufferEvent::createSslFilter($u1, $c, EventBufferEvent::SSL_CONNECTING));
$f = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING, EventBufferEvent::OPT_THREADSAFE);
var_dump(get_class($f), $f->getEnabled());
$f->free();
echo "== a filter's own properties and methods\n";
$f = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
$f2 = EventBufferEvent::createSslFilter($f, $c, EventBufferEvent::SSL_CONNECTING);
var_dump($f2->getEnabled(), $f->getEnabled(), $f->fd, $f2->sslError(), $f->allow_ssl_dirty_shutdown);
var_dump($f->setPriority(1), $f->setTimeouts(1, 1), $f->close(), $f->getDnsErrorString());
$f2->free(); $f->free(); $u2->free();
echo "done\n";
