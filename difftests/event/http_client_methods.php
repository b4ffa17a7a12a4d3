<?php
// EventHttpConnection's methods and EventHttpRequest's client side:
// constructor arguments, getBase(), the setters (NULL), setLocalAddress()
// and setLocalPort() (the server sees that address and port), the request
// getters before, during and after makeRequest(), the command and body
// sent, setMaxBodySize(), a local port that does not bind (false), cloning.

$base = new EventBase();
foreach ([
    fn() => new EventHttpConnection($base, null, '127.0.0.1'),
    fn() => new EventHttpConnection($base, 'x', '127.0.0.1', 80),
    fn() => new EventHttpConnection(new stdClass, null, '127.0.0.1', 80),
    fn() => new EventHttpConnection($base, null, '127.0.0.1', 'p'),
    fn() => new EventHttpConnection($base, null, '127.0.0.1', 80, new stdClass),
    fn() => new EventHttpRequest('no_such_function'),
    fn() => new EventHttpRequest(fn() => 1, 'data'),
    fn() => new EventHttpRequest(),
] as $i => $f) {
    try { $f(); echo "$i: ok\n"; } catch (Throwable $e) { echo "$i: ", get_class($e), ": ", $e->getMessage(), "\n"; }
}

$c = new EventHttpConnection($base, new EventDnsBase($base, false), '127.0.0.1', 80, null);
var_dump($c->getBase() === $base);
foreach (['setTimeout', 'setRetries', 'setMaxBodySize', 'setMaxHeadersSize', 'setLocalPort'] as $m) {
    var_dump($c->$m(5));
    try { $c->$m('x'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
}
var_dump($c->setLocalAddress('127.0.0.1'));
var_dump($c->setCloseCallback(fn() => null));
try { $c->setCloseCallback('no_such_function'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
// (serialize() gives PECL's EventException from __sleep, ours PHP's own
// exception: php-tests/event/http_client_better.phpt.)
foreach ([fn() => clone $c, fn() => clone new EventHttpRequest(fn() => 1)] as $f) {
    try { $f(); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
try { $c->makeRequest(new stdClass, 1, '/'); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { $c->makeRequest(new EventHttpRequest(fn() => 1), 1); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
unset($c);

// A server that records what arrives and answers each request.
$ls = stream_socket_server('tcp://127.0.0.1:0');
stream_set_blocking($ls, false);
$port = (int) substr(strrchr(stream_socket_get_name($ls, false), ':'), 1);
$peers = []; $conns = []; $evs = [];
$accept = new Event($base, $ls, Event::READ | Event::PERSIST, function () use ($ls, &$peers, &$conns, &$evs, $base) {
    $s = stream_socket_accept($ls, 0, $peer);
    $peers[] = $peer;
    stream_set_blocking($s, false);
    $conns[] = $s; $buf = '';
    $evs[] = new Event($base, $s, Event::READ | Event::PERSIST, function () use ($s, &$buf) {
        $d = fread($s, 65536);
        if ($d === '' || $d === false) return;
        $buf .= $d;
        while (($p = strpos($buf, "\r\n\r\n")) !== false) {
            $head = substr($buf, 0, $p + 4);
            $len = preg_match('/Content-Length: (\d+)/', $head, $m) ? (int) $m[1] : 0;
            if (strlen($buf) < $p + 4 + $len) return;
            $req = substr($buf, 0, $p + 4 + $len); $buf = substr($buf, $p + 4 + $len);
            echo "  server got ", json_encode($req), "\n";
            $body = str_contains($req, '/big') ? str_repeat('b', 50) : 'reply';
            fwrite($s, "HTTP/1.1 200 OK\r\nX-Reply: 1\r\nContent-Length: " . strlen($body) . "\r\n\r\n$body");
        }
    });
    end($evs)->add();
});
$accept->add();

// A free local port for setLocalPort().
$tmp = stream_socket_server('tcp://127.0.0.1:0');
$local = (int) substr(strrchr(stream_socket_get_name($tmp, false), ':'), 1);
fclose($tmp);

$c = new EventHttpConnection($base, null, '127.0.0.1', $port);
$c->setLocalAddress('127.0.0.1');
$c->setLocalPort($local);
$c->setMaxBodySize(20);
$req = new EventHttpRequest(function ($r, $d) use ($base) {
    echo "  callback $d: code=", $r?->getResponseCode(), "\n";
    if ($r) {
        echo "  in: ", json_encode($r->getInputHeaders()), " ", json_encode($r->getInputBuffer()->read(100)), "\n";
        echo "  out: ", json_encode($r->getOutputHeaders()), " left in output buffer: ", $r->getOutputBuffer()->length, "\n";
        echo "  command=", $r->getCommand(), " uri=", $r->getUri(), " conn=", var_export($r->getConnection(), true), "\n";
    }
    $base->exit();
}, 'put');
echo "before: code=", $req->getResponseCode(), " command=", $req->getCommand(), " in=", json_encode($req->getInputHeaders()), " conn=", var_export($req->getConnection(), true), " bev=", var_export($req->getBufferEvent(), true), "\n";
$req->addHeader('Content-Type', 'text/plain', EventHttpRequest::OUTPUT_HEADER);
$req->getOutputBuffer()->add('body!');
var_dump($c->makeRequest($req, EventHttpRequest::CMD_PUT, '/put?q=1'));
echo "queued: conn=", get_class($req->getConnection()), " uri=", $req->getUri(), " output left=", $req->getOutputBuffer()->length, "\n";
$base->loop();
echo "server saw the local address: ", var_export($peers[0] === "127.0.0.1:$local", true), "\n";

// Over the limit of setMaxBodySize(20): NULL; then the same connection works again.
foreach (['/big', '/small'] as $uri) {
    $GLOBALS['keep'][] = $r = new EventHttpRequest(function ($r, $d) use ($base) { echo "  callback $d: ", $r === null ? 'NULL' : $r->getResponseCode() . ' ' . $r->getInputBuffer()->read(100), "\n"; $base->exit(); }, $uri);
    // The reconnect after the failure binds the same local port again,
    // which is still in use: makeRequest() is false then.
    $ok = $c->makeRequest($r, EventHttpRequest::CMD_GET, $uri);
    var_dump($ok);
    if ($ok) $base->loop();
}
echo "connections accepted: ", count($peers), "\n";
unset($c);
foreach ($evs as $e) $e->free();
$accept->free();
echo "done\n";
