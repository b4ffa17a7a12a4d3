<?php
require __DIR__ . '/lib/tls_pair.php';

// sslSocket with no descriptor, then connect() to a TLS server made from
// an EventListener on 127.0.0.1 (port 0); a refused connect.
$base = new EventBase();
[$s, $c] = ctxs();
$srv = null;
$ls = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($ls, '127.0.0.1', 0);
socket_listen($ls, 8);
socket_set_nonblock($ls);
socket_getsockname($ls, $addr, $port);
$l = new EventListener($base, function ($l, $fd) use ($base, $s, &$srv) {
    $srv = EventBufferEvent::sslSocket($base, $fd, $s, EventBufferEvent::SSL_ACCEPTING, EventBufferEvent::OPT_CLOSE_ON_FREE);
    $srv->setCallbacks(function ($b) { $b->write(strtoupper($b->read(100))); }, null, function ($b, $e) { echo "server event ", ev($e), "\n"; });
    $srv->enable(Event::READ);
}, null, 0, -1, $ls);
$bc = EventBufferEvent::sslSocket($base, null, $c, EventBufferEvent::SSL_CONNECTING, EventBufferEvent::OPT_CLOSE_ON_FREE);
var_dump($bc->fd);
$bc->setCallbacks(function ($b) use ($base) { echo "client read ", $b->read(100), "\n"; $base->exit(); }, null, function ($b, $e) {
    echo "client event ", ev($e), "\n";
    if ($e & EventBufferEvent::CONNECTED) { echo "  ", $b->sslGetProtocol(), "\n"; $b->write("hello tls"); }
});
$bc->enable(Event::READ);
var_dump($bc->connect("127.0.0.1:$port"));
$base->exit(5);
$base->dispatch();
$bc->free(); $srv->free(); $l->free(); socket_close($ls);
echo "== refused\n";
$probe = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($probe, '127.0.0.1', 0);
socket_getsockname($probe, $a, $closedPort);
socket_close($probe);
$bc = EventBufferEvent::sslSocket($base, null, $c, EventBufferEvent::SSL_CONNECTING);
$bc->setCallbacks(null, null, function ($b, $e) use ($base) { echo "client event ", ev($e), "\n  errors: ", errs($b), "\n"; $base->exit(); });
var_dump($bc->connect("127.0.0.1:$closedPort"));
$base->exit(5);
$base->dispatch();
$bc->free();
// A TCP reset by the peer (SO_LINGER 0) after the handshake: libevent's dirty
// shutdown, ERROR, or EOF when allow_ssl_dirty_shutdown is set.
foreach ([false, true] as $dirty) {
    echo "== peer reset, allow_ssl_dirty_shutdown ", var_export($dirty, true), "\n";
    $ls = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_bind($ls, '127.0.0.1', 0);
    socket_listen($ls, 8);
    socket_getsockname($ls, $addr, $port);
    $bc = EventBufferEvent::sslSocket($base, null, $c, EventBufferEvent::SSL_CONNECTING);
    $bc->allow_ssl_dirty_shutdown = $dirty;
    var_dump($bc->connect("127.0.0.1:$port"));
    $acc = socket_accept($ls);
    socket_set_nonblock($acc);
    $srv = EventBufferEvent::sslSocket($base, $acc, $s, EventBufferEvent::SSL_ACCEPTING);
    // The socket is closed from a timer: closed inside the callback, libevent
    // would warn that its pending epoll change meets a closed descriptor.
    $closer = Event::timer($base, function () use ($acc) { socket_close($acc); });
    $srv->setCallbacks(null, null, function ($b, $e) use ($acc, $closer) {
        echo "server event ", ev($e), "\n";
        socket_set_option($acc, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
        $b->free();
        $closer->addTimer(0.01);
    });
    $bc->setCallbacks(null, null, function ($b, $e) use ($base) {
        echo "client event ", ev($e), "\n";
        if ($e & EventBufferEvent::CONNECTED) return;
        echo "  errors: ", errs($b), "\n";
        $base->exit();
    });
    $bc->enable(Event::READ);
    $base->exit(5);
    $base->dispatch();
    $bc->free();
    socket_close($ls);
}
