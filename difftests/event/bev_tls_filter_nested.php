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
// TLS in TLS (a filter over a filter over a pair half); filters freed inside
// their own callbacks, also from the error callback.
$base = new EventBase();
// TLS in TLS: a filter over a filter over a pair half.
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
$a1 = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$a2 = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
$b1 = EventBufferEvent::createSslFilter($a1, $s, EventBufferEvent::SSL_ACCEPTING);
$b2 = EventBufferEvent::createSslFilter($a2, $c, EventBufferEvent::SSL_CONNECTING);
$b1->setCallbacks(function ($b) { echo "inner server read: ", $b->read(100), "\n"; $b->write("pong"); }, null, function ($b, $e) { echo "inner server event ", ev($e), "\n"; });
$b2->setCallbacks(function ($b) use ($base) { echo "inner client read: ", $b->read(100), "\n"; $base->exit(); }, null, function ($b, $e) { echo "inner client event ", ev($e), "\n"; if ($e & EventBufferEvent::CONNECTED) $b->write("ping"); });
foreach ([$a1, $a2, $b1, $b2] as $x) $x->enable(Event::READ);
$base->exit(2); $base->dispatch();
$b1->free(); $b2->free(); $a1->free(); $a2->free(); $u1->free(); $u2->free();
echo "== free in own callbacks\n";
[$u1, $u2] = EventBufferEvent::createPair($base);
$f1 = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$f2 = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
$f1->setCallbacks(function ($b) { echo "read, free\n"; $b->free(); }, null, function ($b, $e) { echo "s event ", ev($e), "\n"; });
$f2->setCallbacks(null, null, function ($b, $e) { echo "c event ", ev($e), "\n"; $b->write(str_repeat("x", 100000)); $b->free(); });
$f1->enable(Event::READ); $f2->enable(Event::READ);

$base->exit(1); $base->dispatch();
$u1->free(); $u2->free();
echo "== garbage into a filter, free in the error callback\n";
[$u1, $u2] = EventBufferEvent::createPair($base);
$f1 = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$f1->setCallbacks(null, null, function ($b, $e) { echo "s event ", ev($e), " ", errs($b), "\n"; $b->free(); });
$f1->enable(Event::READ);
$u2->write(str_repeat("junk", 1000));
$base->exit(1); $base->dispatch();
$u1->free(); $u2->free();
gc_collect_cycles();
echo "done\n";
