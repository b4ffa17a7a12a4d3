--TEST--
EventHttpConnection/EventHttpRequest (client): where PECL crashes, double-frees or drops results, ours does the sane thing (docs/event.md)
--EXTENSIONS--
event
--FILE--
<?php
function t($f) { try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
function closed_port(): int {
    $s = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1);
    fclose($s);
    return $port;
}

echo "--- getPeer() fills its arguments (PECL leaves them unchanged)\n";
$base = new EventBase();
$c = new EventHttpConnection($base, null, 'localhost', 8080);
$a = 'x'; $p = 'y';
var_dump($c->getPeer($a, $p));
var_dump($a, $p);

echo "--- the same request queued twice: Error (PECL: libevent's assertion, a fatal error)\n";
$port = closed_port();
$c = new EventHttpConnection($base, null, '127.0.0.1', $port);
$req = new EventHttpRequest(function ($r) { echo "callback: code=", $r->getResponseCode(), "\n"; });
t(fn() => $c->makeRequest($req, EventHttpRequest::CMD_GET, '/'));
t(fn() => $c->makeRequest($req, EventHttpRequest::CMD_GET, '/'));
$base->loop();
echo "--- and again once its callback ran: a fresh send\n";
t(fn() => $c->makeRequest($req, EventHttpRequest::CMD_GET, '/again'));
$base->loop();

echo "--- request objects that end after their callback (PECL: double free)\n";
function in_scope(EventBase $base, int $port): void {
    $c = new EventHttpConnection($base, null, '127.0.0.1', $port);
    $req = new EventHttpRequest(function ($r, $d) { echo "callback $d: ", $r === null ? 'NULL' : $r->getResponseCode(), "\n"; }, 'scoped');
    $c->makeRequest($req, EventHttpRequest::CMD_GET, '/');
    $base->loop();
}
in_scope($base, $port);
echo "survived\n";

echo "--- a request dropped by the script still gets its callback\n";
$c->makeRequest(new EventHttpRequest(function ($r, $d) { echo "callback $d: ", $r->getUri(), "\n"; }, 'dropped'), EventHttpRequest::CMD_GET, '/dropped');
gc_collect_cycles();
$base->loop();

echo "--- the base ends before the connection (PECL: segfault)\n";
function base_first(int $port): void {
    $b = new EventBase();
    $conn = new EventHttpConnection($b, null, '127.0.0.1', $port);
    $GLOBALS['late'] = $conn;
}
base_first($port);
unset($late);
echo "survived\n";

echo "--- serialize(): PHP's own exception (PECL: EventException from __sleep)\n";
t(fn() => serialize($c));
t(fn() => serialize(new EventHttpRequest(fn() => 1)));
t(fn() => unserialize('O:19:"EventHttpConnection":0:{}'));

echo "--- destroying a connected connection: the close callback gets the live object (PECL: use after free)\n";
$ls = stream_socket_server('tcp://127.0.0.1:0');
$sport = (int) substr(strrchr(stream_socket_get_name($ls, false), ':'), 1);
$acc = null;
$srv = new Event($base, $ls, Event::READ | Event::PERSIST, function () use ($ls, &$acc) {
    $acc = stream_socket_accept($ls, 0);
    fwrite($acc, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
});
$srv->add();
$c = new EventHttpConnection($base, null, '127.0.0.1', $sport);
$cid = spl_object_id($c);
$c->setCloseCallback(function ($conn) use ($cid) { echo "close callback: ", var_export(spl_object_id($conn) === $cid, true), " ", get_class($conn->getBase()), "\n"; });
$c->makeRequest($keep = new EventHttpRequest(function ($r) use ($base) { echo "callback: ", $r->getResponseCode(), "\n"; $base->exit(); }), EventHttpRequest::CMD_GET, '/');
$base->loop();
unset($c);
echo "connection gone\n";
$srv->free();

echo "--- getConnection() objects outlive the connection: Error (PECL: use after free)\n";
$c = new EventHttpConnection($base, null, '127.0.0.1', $port);
$r2 = new EventHttpRequest(fn() => 1);
$c->makeRequest($r2, EventHttpRequest::CMD_GET, '/');
$inner = $r2->getConnection();
var_dump($inner->getBase() === $base);
unset($c);
t(fn() => $inner->getBase());
t(fn() => $inner->setTimeout(1));

echo "--- a request after the retries ran out still gets its callback (PECL: lost, the loop ends)\n";
$c = new EventHttpConnection($base, null, '127.0.0.1', $port);
$c->setRetries(1);
$t = microtime(true);
foreach (['first', 'second'] as $d) {
    $rq = new EventHttpRequest(function ($r, $d) use ($t) { printf("callback %s after %.0fs: code=%d\n", $d, microtime(true) - $t, $r->getResponseCode()); }, $d);
    $c->makeRequest($rq, EventHttpRequest::CMD_GET, '/');
    $base->loop();
}

echo "--- makeRequest() on a freed base: Error (PECL: segfault)\n";
$b = new EventBase();
$c = new EventHttpConnection($b, null, '127.0.0.1', $port);
$b->free();
t(fn() => $c->makeRequest(new EventHttpRequest(fn() => 1), EventHttpRequest::CMD_GET, '/'));
echo "done\n";
?>
--EXPECTF--
--- getPeer() fills its arguments (PECL leaves them unchanged)
NULL
string(9) "localhost"
int(8080)
--- the same request queued twice: Error (PECL: libevent's assertion, a fatal error)
bool(true)
Error: EventHttpConnection::makeRequest(): the request is already queued
callback: code=0
--- and again once its callback ran: a fresh send
bool(true)
callback: code=0
--- request objects that end after their callback (PECL: double free)
callback scoped: 0
survived
--- a request dropped by the script still gets its callback
callback dropped: /dropped
--- the base ends before the connection (PECL: segfault)
survived
--- serialize(): PHP's own exception (PECL: EventException from __sleep)
Exception: Serialization of 'EventHttpConnection' is not allowed
Exception: Serialization of 'EventHttpRequest' is not allowed
Exception: Unserialization of 'EventHttpConnection' is not allowed
--- destroying a connected connection: the close callback gets the live object (PECL: use after free)
callback: 200
close callback: true EventBase
connection gone
--- getConnection() objects outlive the connection: Error (PECL: use after free)
bool(true)
Error: EventHttpConnection object has been freed
Error: EventHttpConnection object has been freed
--- a request after the retries ran out still gets its callback (PECL: lost, the loop ends)
callback first after 2s: code=0
callback second after 4s: code=0
--- makeRequest() on a freed base: Error (PECL: segfault)
Error: EventBase object has been freed
done
