<?php
// The $what passed to callbacks on each backend: READ/WRITE/TIMEOUT, and EV_ET
// on edge-triggered events (epoll reports it); level and edge events sharing an fd.
foreach (['epoll', 'poll', 'select'] as $m) {
    $cfg = new EventConfig();
    foreach (['epoll', 'poll', 'select'] as $o) if ($o !== $m) $cfg->avoidMethod($o);
    $b = new EventBase($cfg);
    echo "== ", $b->getMethod(), "\n";
    [$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    fwrite($w, "x");
    foreach ([Event::READ, Event::READ | Event::WRITE, Event::WRITE, Event::READ | Event::ET, Event::READ | Event::WRITE | Event::ET, Event::WRITE | Event::ET | Event::PERSIST, Event::READ|Event::TIMEOUT, Event::TIMEOUT, 0, Event::ET, Event::PERSIST] as $what) {
        $e = new Event($b, $r, $what, function ($fd, $w2, $arg) use ($what) { echo "what=$what got=$w2 fd=", gettype($fd), "\n"; });
        var_dump($e->add(0.01));
        $b->loop(EventBase::LOOP_ONCE);
        $e->free();
    }
    // read+write separate events on same fd
    $e1 = new Event($b, $r, Event::READ | Event::ET, function ($fd, $w2) { echo "e1 got=$w2\n"; });
    $e2 = new Event($b, $r, Event::WRITE, function ($fd, $w2) { echo "e2 got=$w2\n"; });
    var_dump($e1->add(), $e2->add());
    $b->loop(EventBase::LOOP_ONCE);
    $e1->free(); $e2->free();
    // timeout what
    $t = new Event($b, -1, Event::TIMEOUT, function ($fd, $w2, $arg) { echo "timer fd="; var_dump($fd); echo "what=$w2\n"; });
    $t->add(0.001);
    $b->loop();
    try { new Event($b, -1, 0, function () {}); } catch (Exception $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
    // active manually? pending flags
    fclose($w);
    $e = new Event($b, $r, Event::READ, function ($fd, $w2) { echo "eof got=$w2\n"; });
    $e->add();
    $b->loop(EventBase::LOOP_ONCE);
}
