<?php
require __DIR__ . '/lib/tls_pair.php';

// The end of a TLS connection: the peer's socket closed (no close_notify:
// libevent never sends one), with and without allow_ssl_dirty_shutdown, the
// peer closed with SO_LINGER 0 (a Unix socket sends no reset: an end of file
// too; bev_tls_connect.php resets a TCP connection), OPT_CLOSE_ON_FREE, and
// free() during the handshake.
function run($label, $dirty, $how) {
    echo "== $label\n";
    $base = new EventBase();
    [$bs, $bc, $p] = tls_pair($base, [], $how == 'free' ? EventBufferEvent::OPT_CLOSE_ON_FREE : 0);
    $bc->allow_ssl_dirty_shutdown = $dirty;
    $bc->setCallbacks(function ($b) { echo "client read ", $b->read(100), "\n"; }, null, function ($b, $e) use ($base, $bs, $p, $how) {
        echo "client event ", ev($e), "\n";
        if ($e & EventBufferEvent::CONNECTED) return;
        echo "  errors: ", errs($b), "\n";
        $base->exit();
    });
    // The server says "bye", then (once it is written) goes away.
    $bs->setCallbacks(null, function ($b) use ($p, $how) {
        if ($how == 'reset') socket_set_option($p[0], SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
        if ($how == 'free') { $b->free(); var_dump(@socket_write($p[0], "x")); }
        else socket_close($p[0]);
    }, function ($b, $e) {
        echo "server event ", ev($e), "\n";
        if ($e & EventBufferEvent::CONNECTED) $b->write("bye");
    });
    $bc->enable(Event::READ);
    $base->exit(5);
    $base->dispatch();
    $bc->free();
    socket_close($p[1]);
}
run('peer closed', false, 'close');
run('peer closed, dirty shutdown allowed', true, 'close');
run('peer closed, linger 0', false, 'reset');
run('peer closed, linger 0, dirty shutdown allowed', true, 'reset');
run('peer freed with OPT_CLOSE_ON_FREE', false, 'free');
echo "== free during the handshake\n";
$base = new EventBase();
[$bs, $bc, $p] = tls_pair($base);
$bc->setCallbacks(null, null, function ($b, $e) use ($base) { echo "client event ", ev($e), "\n  errors: ", errs($b), "\n"; $base->exit(); });
$bs->setCallbacks(null, null, function ($b, $e) { echo "server event ", ev($e), "\n"; });
$base->loop(EventBase::LOOP_ONCE);
$bs->free();
socket_close($p[0]);
$base->exit(5);
$base->dispatch();
$bc->free();
echo "== free during the handshake, both\n";
[$bs, $bc, $p] = tls_pair($base);
$base->loop(EventBase::LOOP_NONBLOCK);
$bs->free(); $bc->free();
$base->exit(0.2);
$base->dispatch();
echo "done\n";
