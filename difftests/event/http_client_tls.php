<?php
// EventHttpConnection over HTTPS (an EventSslContext for the client) against an
// EventHttp server on the same base (TLS, 127.0.0.1, port 0): keep-alive
// requests, a POST body, a chunked reply, a 404; then a plain-HTTP client to
// the TLS server fails (NULL).
require __DIR__ . '/lib/pem.php';

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
