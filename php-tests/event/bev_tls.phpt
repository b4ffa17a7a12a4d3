--TEST--
EventBufferEvent TLS: sslSocket handshake and echo over a socketpair, argument checks, createSslFilter over a plain bufferevent, and the TLS queries on a plain bufferevent (as PECL)
--EXTENSIONS--
event
sockets
--FILE--
<?php
$fx = __DIR__ . '/../../difftests/event/fixtures/';
$base = new EventBase();
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_set_nonblock($p[0]); socket_set_nonblock($p[1]);
$s = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, [EventSslContext::OPT_LOCAL_CERT => $fx . 'cert.pem', EventSslContext::OPT_LOCAL_PK => $fx . 'key.pem']);
$c = new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, [EventSslContext::OPT_VERIFY_PEER => true, EventSslContext::OPT_ALLOW_SELF_SIGNED => true]);
$bs = EventBufferEvent::sslSocket($base, $p[0], $s, EventBufferEvent::SSL_ACCEPTING, EventBufferEvent::OPT_CLOSE_ON_FREE);
$bc = EventBufferEvent::sslSocket($base, $p[1], $c, EventBufferEvent::SSL_CONNECTING);
var_dump($bc->sslGetCipherName(), $bc->sslGetCipherInfo(), $bc->sslError());
$bs->setCallbacks(function ($b) { $b->write(strrev($b->read(1000))); }, null, function ($b, $e) { echo "server event $e\n"; });
$bc->setCallbacks(function ($b) use ($base) { echo "client got ", $b->read(1000), "\n"; $base->exit(); }, null, function ($b, $e) {
    echo "client event $e ", $b->sslGetProtocol(), " ", $b->sslGetCipherName(), "\n";
    if ($e & EventBufferEvent::CONNECTED) $b->write("!SLT revo olleh");
});
$bs->enable(Event::READ); $bc->enable(Event::READ);
$base->exit(5);
$base->dispatch();
$bs->free();
// The server's socket was closed by OPT_CLOSE_ON_FREE (at the loop's next turn):
// no close_notify is sent, and OpenSSL 3 reports the end as an error.
$bc->setCallbacks(null, null, function ($b, $e) use ($base) {
    echo "client event $e\n";
    // OpenSSL 3.5 (Debian 13) also queues the socket's errno as a "system library"
    // error before these; 3.0 (Debian 12) does not.
    while (($x = $b->sslError()) !== false) if (!preg_match('/^error:8[0-9A-F]{7}:system library::/', $x)) echo "  $x\n";
    $base->exit();
});
$base->exit(5);
$base->dispatch();
$bc->free();

try { EventBufferEvent::sslSocket($base, null, null, 0); } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { EventBufferEvent::createSslFilter($bc, new stdClass, 0); } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$plain = new EventBufferEvent($base);
$f = EventBufferEvent::createSslFilter($plain, $c, EventBufferEvent::SSL_CONNECTING);
var_dump(get_class($f), $f->fd, $f->sslGetProtocol());
$f->free();
var_dump($plain->sslError(), $plain->sslRenegotiate(), $plain->sslGetCipherInfo(), $plain->sslGetCipherName(), $plain->sslGetCipherVersion(), $plain->sslGetProtocol());
?>
--EXPECT--
string(6) "(NONE)"
bool(false)
bool(false)
client event 128 TLSv1.3 TLS_AES_256_GCM_SHA384
server event 128
client got hello over TLS!
client event 33
  error:0A000126:SSL routines::unexpected eof while reading
  error:00000001:lib(0)::reason(1)
TypeError: EventBufferEvent::sslSocket(): Argument #3 ($ctx) must be of type EventSslContext, null given
TypeError: EventBufferEvent::createSslFilter(): Argument #2 ($ctx) must be of type EventSslContext, stdClass given
string(16) "EventBufferEvent"
NULL
string(7) "TLSv1.3"
bool(false)
NULL
bool(false)
bool(false)
bool(false)
bool(false)
