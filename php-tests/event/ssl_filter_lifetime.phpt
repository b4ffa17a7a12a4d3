--TEST--
EventBufferEvent::createSslFilter lifetime: the filter keeps its underlying bufferevent when that object goes away (PECL corrupts its heap there); OPT_CLOSE_ON_FREE frees the underlying one and closes its socket
--EXTENSIONS--
event
sockets
--FILE--
<?php
$fx = __DIR__ . '/../../difftests/event/fixtures/';
$srv = [EventSslContext::OPT_LOCAL_CERT => $fx . 'cert.pem', EventSslContext::OPT_LOCAL_PK => $fx . 'key.pem'];
function filters($base, $srv) {
    [$u1, $u2] = EventBufferEvent::createPair($base);
    return [EventBufferEvent::createSslFilter($u1, new EventSslContext(EventSslContext::TLS_SERVER_METHOD, $srv), EventBufferEvent::SSL_ACCEPTING),
            EventBufferEvent::createSslFilter($u2, new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []), EventBufferEvent::SSL_CONNECTING)];
}
$base = new EventBase();
[$fs, $fc] = filters($base, $srv);
gc_collect_cycles();
$fs->setCallbacks(function ($b) { echo "server read: ", $b->read(100), "\n"; }, null, function ($b, $e) { echo "server event $e\n"; });
$fc->setCallbacks(null, null, function ($b, $e) { echo "client event $e\n"; });
$fs->enable(Event::READ); $fc->enable(Event::READ);
$fc->write("kept alive");
$base->exit(1); $base->dispatch();
$fs->free(); $fc->free();

echo "-- OPT_CLOSE_ON_FREE\n";
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
$u = new EventBufferEvent($base, $p[0], EventBufferEvent::OPT_CLOSE_ON_FREE);
$f = EventBufferEvent::createSslFilter($u, new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []), EventBufferEvent::SSL_CONNECTING, EventBufferEvent::OPT_CLOSE_ON_FREE);
$f->enable(Event::READ);
$base->loop(EventBase::LOOP_NONBLOCK);
$hello = socket_read($p[1], 10000);
echo "ClientHello on the socket: ", strlen($hello) > 100 ? "yes" : "no", "\n";
$f->free();
$base->loop(EventBase::LOOP_NONBLOCK);
socket_set_nonblock($p[1]);
var_dump(socket_read($p[1], 100));
var_dump($u->write("x"));

echo "-- filters with OPT_CLOSE_ON_FREE freed in their own callbacks, underlying objects dropped (PECL crashes at shutdown)\n";
[$u1, $u2] = EventBufferEvent::createPair($base);
$s = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, $srv);
$c = new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []);
$f1 = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING, EventBufferEvent::OPT_CLOSE_ON_FREE);
$f2 = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING, EventBufferEvent::OPT_CLOSE_ON_FREE);
$f1->setCallbacks(function ($b) { echo "read ", strlen($b->read(200000)), ", free\n"; $b->free(); }, null, function ($b, $e) { echo "s event $e\n"; });
$f2->setCallbacks(null, null, function ($b, $e) { echo "c event $e\n"; $b->write(str_repeat("x", 100)); $b->free(); });
$f1->enable(Event::READ); $f2->enable(Event::READ);
unset($u1, $u2);
$base->exit(1); $base->dispatch();
gc_collect_cycles();
echo "done\n";
?>
--EXPECT--
client event 128
server read: kept alive
server event 128
-- OPT_CLOSE_ON_FREE
ClientHello on the socket: yes
string(0) ""
bool(true)
-- filters with OPT_CLOSE_ON_FREE freed in their own callbacks, underlying objects dropped (PECL crashes at shutdown)
c event 128
read 100, free
done
