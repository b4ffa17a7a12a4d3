<?php
// A persistent READ (or WRITE) event added with a zero timeout: when the timeout fires,
// libevent deletes the fd part too and, the interval being zero, does not re-add it:
// the event is no longer pending and later readiness calls nothing.
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$base = new EventBase();
foreach ([Event::READ, Event::WRITE] as $mask) {
    $n = 0;
    $ev = new Event($base, $mask === Event::READ ? $a : $b, $mask | Event::PERSIST, function ($fd, $what) use (&$n) {
        $n++;
        echo "cb what=$what\n";
    });
    $ev->add(0);
    $base->loop(EventBase::LOOP_ONCE);
    var_dump($ev->pending);
    fwrite($b, "x");
    $base->loop(EventBase::LOOP_NONBLOCK);
    echo "mask=$mask calls=$n\n";
    // A non-zero interval re-arms it, as libevent does.
    $ev->add(0.001);
    $base->loop(EventBase::LOOP_ONCE);
    var_dump($ev->pending);
    $ev->del();
}
