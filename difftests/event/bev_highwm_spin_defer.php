<?php
// A read callback that leaves the input at the high read watermark runs
// again (deferred) while reading is enabled (libevent 2.1.9+): it spins until
// the loop stops. exit() in the callback takes effect once the iteration's
// budget of 32 deferred callbacks is spent (MAX_DEFERREDS_QUEUED). With
// OPT_DEFER_CALLBACKS (one round per script: PECL crashes in a second one).
foreach ([EventBufferEvent::OPT_DEFER_CALLBACKS] as $opt) {
    echo "== options $opt\n";
    $b = new EventBase();
    [$s1, $s2] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    $n = 0;
    $bev = new EventBufferEvent($b, $s1, $opt, function ($bev) use (&$n, $b) {
        echo "read in=", $bev->input->length, "\n";
        if (++$n == 6) { echo "exit\n"; $b->exit(); }
    });
    $bev->enable(Event::READ);
    $bev->setWatermark(Event::READ, 3, 23);
    fwrite($s2, str_repeat("p", 50));
    var_dump($b->loop(EventBase::LOOP_NONBLOCK));
    echo "calls: $n\n";
    // The deferred callback left for the next iteration (libevent's
    // active_later queue) runs before the write event of the next loop.
    $n = 0;
    $bev->setCallbacks(function ($bev) use (&$n, $b) { echo "read again ", $bev->input->length, "\n"; if (++$n == 2) { echo "exit\n"; $b->exit(); } }, function () { echo "write\n"; }, null);
    $bev->write("abcd");
    var_dump($b->loop(EventBase::LOOP_NONBLOCK));
    echo "calls: $n\n";
    // Draining below the mark stops it.
    $bev->setCallbacks(function ($bev) { echo "drain read ", strlen($bev->read(100)), "\n"; }, null, null);
    var_dump($b->loop(EventBase::LOOP_NONBLOCK));
    $bev->free();
}
