<?php
// EventHttpConnection over HTTPS (an EventSslContext for the client) against an
// EventHttp server on the same base (TLS, 127.0.0.1, port 0): keep-alive
// requests, a POST body, a chunked reply, a 404; then a plain-HTTP client to
// the TLS server fails (NULL). The PEM fixtures are embedded (the runner
// copies only the script).
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

$base = new EventBase();
$sctx = new EventSslContext(EventSslContext::TLS_SERVER_METHOD,
    [EventSslContext::OPT_LOCAL_CERT => 'cert.pem', EventSslContext::OPT_LOCAL_PK => 'key.pem']);
$http = new EventHttp($base, $sctx);
$http->setCallback('/hello', function ($req) {
    $b = new EventBuffer(); $b->add('hello ' . $req->getInputBuffer()->read(100));
    $req->sendReply(200, 'OK', $b);
});
$http->setCallback('/chunks', function ($req) {
    $req->sendReplyStart(200, 'OK');
    foreach (['one ', 'two'] as $p) { $b = new EventBuffer(); $b->add($p); $req->sendReplyChunk($b); }
    $req->sendReplyEnd();
});
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 8);
socket_getsockname($sock, $addr, $port);
$http->accept($sock);

function run(EventBase $base, int $port, ?EventSslContext $ctx, array $reqs): void {
    $c = new EventHttpConnection($base, null, '127.0.0.1', $port, $ctx);
    $c->setTimeout(5);
    $c->setCloseCallback(function () { echo "  close callback\n"; });
    $left = count($reqs);
    foreach ($reqs as [$cmd, $uri, $body]) {
        $GLOBALS['keep'][] = $r = new EventHttpRequest(function ($r, $d) use ($base, &$left) {
            echo "  $d: ", $r === null ? 'NULL' : $r->getResponseCode() . ' ' . json_encode($r->getInputHeaders()['Transfer-Encoding'] ?? $r->getInputHeaders()['Content-Length'] ?? '') . ' ' . json_encode($r->getInputBuffer()->read(1000)), "\n";
            if (--$left === 0) $base->exit();
        }, $uri);
        $r->addHeader('Host', 'localhost', EventHttpRequest::OUTPUT_HEADER);
        if ($body !== null) $r->getOutputBuffer()->add($body);
        echo "  makeRequest $uri: ", var_export($c->makeRequest($r, $cmd, $uri), true), "\n";
    }
    $base->loop();
    unset($c);
}

$cctx = new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, [EventSslContext::OPT_VERIFY_PEER => false]);
echo "== https\n";
run($base, $port, $cctx, [[EventHttpRequest::CMD_GET, '/hello', null], [EventHttpRequest::CMD_POST, '/hello', 'body'], [EventHttpRequest::CMD_GET, '/chunks', null], [EventHttpRequest::CMD_GET, '/nothing', null]]);
echo "== plain http to the TLS server\n";
run($base, $port, null, [[EventHttpRequest::CMD_GET, '/hello', null]]);
echo "== https again\n";
run($base, $port, $cctx, [[EventHttpRequest::CMD_GET, '/hello', null]]);
unset($http);
@unlink('cert.pem'); @unlink('key.pem');
echo "done\n";
