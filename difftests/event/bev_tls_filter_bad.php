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
// Truncated and garbage TLS records fed to a TLS server: an sslSocket over a
// socketpair, a filter over a socket bufferevent, a filter over createPair;
// then, for some, the peer's end of file. No crash, no hang; PECL's events,
// sslError() texts and the alert bytes the peer gets. Skipped (docs/event.md):
// a filter over a socket whose peer closes after a TLS error (the order of the
// two later events can differ).
$cases = [
    'garbage' => str_repeat("\x00\xffGARBAGE", 40),
    'http' => "GET / HTTP/1.0\r\n\r\n",
    'truncated header' => "\x16\x03\x01",
    'truncated hello' => "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" . str_repeat("\x11", 20),
    'oversized record' => "\x16\x03\x03\xff\xff" . str_repeat("\x00", 300),
    'alert' => "\x15\x03\x03\x00\x02\x02\x28",
    'app data first' => "\x17\x03\x03\x00\x10" . str_repeat("\x42", 16),
];
foreach (['socket', 'filter', 'pair'] as $kind) foreach ($cases as $name => $bytes) foreach ([false, true] as $close) {
    if ($close && $kind == 'filter' && !str_starts_with($name, 'truncated')) continue;
    if ($close && $kind == 'pair') continue; // PECL corrupts its heap freeing the peer pair half
    echo "== $kind: $name", $close ? ", then the peer closes" : "", "\n";
    $base = new EventBase();
    [$s] = ctxs();
    $u = null; $peer = null; $p = null;
    if ($kind == 'pair') {
        [$u, $peer] = EventBufferEvent::createPair($base);
        $b = EventBufferEvent::createSslFilter($u, $s, EventBufferEvent::SSL_ACCEPTING);
    } else {
        socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
        socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
        if ($kind == 'socket') $b = EventBufferEvent::sslSocket($base, $p[0], $s, EventBufferEvent::SSL_ACCEPTING);
        else { $u = new EventBufferEvent($base, $p[0]); $b = EventBufferEvent::createSslFilter($u, $s, EventBufferEvent::SSL_ACCEPTING); }
    }
    $n = 0;
    $b->setCallbacks(function ($b) { echo "read\n"; }, null, function ($b, $e) use (&$n, $base) {
        echo "event ", ev($e), " [", errs($b), "]\n";
        if (++$n > 5) $base->exit();
    });
    $b->enable(Event::READ);
    if ($peer) {
        $peer->setCallbacks(function ($x) { $got = (string)$x->read(100000); echo "peer got ", strlen($got), " bytes ", strlen($got) <= 16 ? bin2hex($got) : '', "\n"; }, null, null);
        $peer->enable(Event::READ);
        $peer->write($bytes);
        if ($close) { $base->loop(EventBase::LOOP_NONBLOCK); $peer->free(); }
    } else {
        socket_write($p[1], $bytes);
        if ($close) socket_shutdown($p[1], 1);
    }
    $base->exit(0.3); $base->dispatch();
    if ($p) { $got = (string)@socket_read($p[1], 100000); echo "peer got ", strlen($got), " bytes ", strlen($got) <= 16 ? bin2hex($got) : '', "\n"; }
    $b->free();
    if ($u) $u->free();
    if ($peer) $peer->free();
    if ($p) { socket_close($p[0]); socket_close($p[1]); }
}
echo "done\n";
