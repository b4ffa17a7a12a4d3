<?php
require __DIR__ . '/lib/tls_pair.php';

// Edge cases of sslSocket: SSL_OPEN on a new session (OpenSSL's
// "uninitialized" at the first write), bad descriptors, a non-TLS client
// (an HTTP request), free() from its own callback, read timeouts, an
// exception thrown by an event callback.
$base = new EventBase();
[$s, $c] = ctxs();
echo "== open state\n";
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
$b = EventBufferEvent::sslSocket($base, $p[0], $c, EventBufferEvent::SSL_OPEN);
var_dump($b->getEnabled(), $b->fd === null, $b->sslGetProtocol());
$b->setCallbacks(null, null, function ($b, $e) { echo "event $e ", $b->sslError(), "\n"; });
$b->enable(Event::READ);
socket_write($p[1], "garbage that is not TLS\n");
$b->write("x");
$base->exit(1); $base->dispatch();
$b->free();
echo "== bad fd\n";
try { var_dump(EventBufferEvent::sslSocket($base, -5, $c, 1)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { var_dump(EventBufferEvent::sslSocket($base, "x", $c, 1)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
echo "== OPT_DEFER_CALLBACKS | OPT_THREADSAFE\n";
[$bs, $bc, $p] = tls_pair($base, [], EventBufferEvent::OPT_DEFER_CALLBACKS | EventBufferEvent::OPT_THREADSAFE);
var_dump($bs->getEnabled());
$bs->setCallbacks(function ($b) { echo "server read\n"; $b->write(strtoupper($b->read(100))); }, function ($b) { echo "server write\n"; }, function ($b, $e) { echo "server event ", ev($e), "\n"; });
$bc->setCallbacks(function ($b) use ($base) { echo "client read ", $b->read(100), "\n"; $base->exit(); }, function ($b) { echo "client write\n"; }, function ($b, $e) {
    echo "client event ", ev($e), "\n";
    if ($e & EventBufferEvent::CONNECTED) { $b->write("deferred"); echo "client wrote\n"; }
});
$bs->enable(Event::READ); $bc->enable(Event::READ);
$base->exit(2); $base->dispatch();
$bs->free(); $bc->free();
echo "== garbage to server\n";
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
$b = EventBufferEvent::sslSocket($base, $p[0], $s, EventBufferEvent::SSL_ACCEPTING);
$b->setCallbacks(null, null, function ($b, $e) use ($base) { echo "event $e\n"; while (($x = $b->sslError()) !== false) echo "  $x\n"; $base->exit(); });
socket_write($p[1], str_repeat("GET / HTTP/1.0\r\n", 4));
$base->exit(1); $base->dispatch();
var_dump($b->getEnabled());
echo "== free inside own callback\n";
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
$bs = EventBufferEvent::sslSocket($base, $p[0], $s, EventBufferEvent::SSL_ACCEPTING);
$bc = EventBufferEvent::sslSocket($base, $p[1], $c, EventBufferEvent::SSL_CONNECTING);
$bc->setCallbacks(null, null, function ($b, $e) { echo "client $e\n"; $b->free(); });
$bs->setCallbacks(function ($b) { echo "server read\n"; }, null, function ($b, $e) use ($base) { echo "server $e\n"; });
$base->exit(0.5); $base->dispatch();
echo "== timeout\n";
// A TLS read timeout leaves reading on (libevent's TLS read event callback
// does not disable it): the timeout repeats.
$n = 0;
$bs->setCallbacks(null, null, function ($b, $e) use ($base, &$n) { echo "server ", ev($e), " ", $b->getEnabled(), "\n"; if (++$n == 3) $base->exit(); });
$bs->setTimeouts(0.1, 0);
$bs->enable(Event::READ);
$base->exit(5); $base->dispatch();
$bs->disable(Event::READ);
$bs->free();
echo "== exception in callback\n";
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
$bs = EventBufferEvent::sslSocket($base, $p[0], $s, EventBufferEvent::SSL_ACCEPTING);
$bc = EventBufferEvent::sslSocket($base, $p[1], $c, EventBufferEvent::SSL_CONNECTING);
$bc->setCallbacks(null, null, function ($b, $e) { throw new Exception("boom $e"); });
try { $base->exit(1); $base->dispatch(); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
$base->exit(0.3); $base->dispatch();
echo "done\n";
