<?php
// pending() and the pending property while events are inserted, active or
// running; re-adding, deleting and re-timing from callbacks; nested loops.
$b = new EventBase();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
fwrite($w, "x");
$flags = fn($e) => implode(",", array_map(fn($f) => $e->pending($f) ? 1 : 0, [Event::READ, Event::WRITE, Event::TIMEOUT, Event::SIGNAL]));
$a = new Event($b, $r, Event::READ, function () use (&$a, &$bb, $flags) {
    echo "a runs: a=", $flags($a), " b=", $flags($bb), " b->pending=", json_encode($bb->pending), "\n";
    var_dump($bb->setPriority(0), $bb->del(), $flags($bb), $bb->add(1), $flags($bb));
}, null);
$bb = new Event($b, $r, Event::READ | Event::PERSIST, function () use (&$bb, $flags) { echo "bb runs: ", $flags($bb), "\n"; $bb->del(); }, null);
$a->add(5); $bb->add(5);
echo "before: a=", $flags($a), " b=", $flags($bb), "\n";
$b->loop(EventBase::LOOP_ONCE);
echo "after once: a=", $flags($a), " b=", $flags($bb), "\n";
$b->loop(EventBase::LOOP_ONCE);
echo "after twice: a=", $flags($a), " b=", $flags($bb), "\n";
$bb->del();
// Re-timing a pending timer, and add() with a new timeout while pending.
$t = Event::timer($b, function () { echo "t fired\n"; });
$t->addTimer(10);
var_dump($t->addTimer(0.01), $t->pending(Event::TIMEOUT));
$b->loop();
$t->addTimer(0.01); $t->addTimer(-1);
var_dump($t->pending(Event::TIMEOUT));
$t->del();
// An io event added with a timeout, then re-added without: the timeout is kept.
$io = new Event($b, $w, Event::READ, function ($fd, $what) { echo "io what=$what\n"; });
$io->add(0.01); $io->add();
var_dump($io->pending(Event::TIMEOUT));
$b->loop();
// Loop inside a callback: of the same base (refused) and of another base.
$b3 = new EventBase();
$in = Event::timer($b3, function () { echo "inner base callback\n"; });
$in->addTimer(0);
$out = Event::timer($b, function () use ($b, $b3) { var_dump($b->loop(EventBase::LOOP_NONBLOCK)); var_dump($b3->loop()); });
$out->addTimer(0);
var_dump($b->loop());
// Active event deleted by an earlier callback of the same batch does not run.
$x = Event::timer($b, function () use (&$y) { echo "x deletes y\n"; $y->del(); });
$y = Event::timer($b, function () { echo "y must not run\n"; });
$x->addTimer(0.001); $y->addTimer(0.002);
usleep(10000);
$b->loop();
// Active event freed by an earlier callback.
$x = Event::timer($b, function () use (&$y) { echo "x frees y\n"; $y->free(); });
$y = Event::timer($b, function () { echo "y must not run\n"; });
$x->addTimer(0.001); $y->addTimer(0.002);
usleep(10000);
$b->loop();
echo "done\n";
