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
// TLS filters carrying data: over a socketpair's plain bufferevents, 1 MB each way in uneven writes, echoed by the server; end of
// file of the underlying socket;
// a TLS server that accepts with EventListener and wraps each connection
// with createSslFilter(OPT_CLOSE_ON_FREE), a client filter over connect().
function filt($u1, $u2, $opts = 0) {
    [$s, $c] = ctxs();
    return [EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING, $opts),
            EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING, $opts)];
}
function payload($total) {
    mt_srand(11);
    $data = '';
    while (strlen($data) < $total) $data .= md5((string)mt_rand(), true);
    return substr($data, 0, $total);
}
function echo_run($base, $fs, $fc, $label) {
    echo "== $label\n";
    $data = payload(1 << 20);
    $got = ''; $reads = 0; $writes = 0;
    $fs->setCallbacks(function ($b) { $b->writeBuffer($b->getInput()); }, null, function ($b, $e) { echo "server event ", ev($e), " [", errs($b), "]\n"; });
    $fc->setCallbacks(function ($b) use (&$got, &$reads, $data, $base) {
        $reads++;
        $got .= $b->read(1 << 20);
        if (strlen($got) >= strlen($data)) $base->exit();
    }, function ($b) use (&$writes) { $writes++; }, function ($b, $e) use ($data) {
        echo "client event ", ev($e), " ", $b->sslGetProtocol(), "\n";
        if ($e & EventBufferEvent::CONNECTED) {
            for ($o = 0, $i = 1; $o < strlen($data); $o += $n, $i++) { $n = ($i * 7919) % 100000 + 1; $b->write(substr($data, $o, $n)); }
        }
    });
    $fs->enable(Event::READ); $fc->enable(Event::READ);
    $base->exit(20);
    $base->dispatch();
    echo "echoed ", strlen($got), " bytes, same: ", var_export($got === $data, true), ", read callbacks: $reads, write callbacks: ", var_export($writes > 0, true), "\n";
}

$base = new EventBase();
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
$u1 = new EventBufferEvent($base, $p[0]); $u2 = new EventBufferEvent($base, $p[1]);
[$fs, $fc] = filt($u1, $u2);
echo_run($base, $fs, $fc, "socketpair");
echo "-- the client's socket shuts down\n";
$fs->setCallbacks(null, null, function ($b, $e) use ($base) { echo "server event ", ev($e), " [", errs($b), "]\n"; $base->exit(); });
socket_shutdown($p[1], 2);
$base->exit(5); $base->dispatch();
$fs->free(); $fc->free(); $u1->free(); $u2->free();
socket_close($p[0]); socket_close($p[1]);

// (Data over createPair is in php-tests/event/ssl_filter_10mb.phpt: PECL
// crashes when those filters and pair halves are freed.)

echo "== EventListener server\n";
$base = new EventBase();
[$s, $c] = ctxs();
$conns = [];
$ls = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($ls, '127.0.0.1', 0);
socket_listen($ls, 8);
socket_set_nonblock($ls);
socket_getsockname($ls, $addr, $port);
$l = new EventListener($base, function ($l, $fd) use ($base, $s, &$conns) {
    $u = new EventBufferEvent($base, $fd, EventBufferEvent::OPT_CLOSE_ON_FREE);
    $f = EventBufferEvent::createSslFilter($u, $s, EventBufferEvent::SSL_ACCEPTING);
    $f->setCallbacks(function ($b) {
        $line = $b->read(100);
        echo "server got '$line'\n";
        $b->write(strtoupper($line));
    }, null, function ($b, $e) use (&$conns) {
        echo "server event ", ev($e), " [", errs($b), "]\n";
    });
    $f->enable(Event::READ);
    $conns = [$f, $u];
}, null, 0, -1, $ls);
$u = new EventBufferEvent($base, null, EventBufferEvent::OPT_CLOSE_ON_FREE);
var_dump($u->connect("127.0.0.1:$port"));
$fc = EventBufferEvent::createSslFilter($u, $c, EventBufferEvent::SSL_CONNECTING);
$fc->setCallbacks(function ($b) use ($base) {
    echo "client got '", $b->read(100), "'\n";
    $base->exit();
}, null, function ($b, $e) {
    echo "client event ", ev($e), " ", $b->sslGetProtocol(), "\n";
    if ($e & EventBufferEvent::CONNECTED) $b->write("ping");
});
$fc->enable(Event::READ);
$base->exit(3); $base->dispatch();
$fc->free(); $u->free();
[$f, $su] = $conns; $f->free(); $su->free();
$l->free();
socket_close($ls);
echo "done\n";
