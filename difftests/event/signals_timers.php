<?php
// Signal events (several per signal, newest first; counts of deliveries;
// del inside the callback), persistent events with timeouts, exit() with
// pending timers, stop() between callbacks, and priorities with io.
$b = new EventBase();
$log = function ($s) { echo $s, "\n"; };
$s1 = Event::signal($b, SIGUSR1, function ($no, $arg) use ($log) { $log("s1 $no $arg"); }, "one");
$s2 = new Event($b, SIGUSR1, Event::SIGNAL | Event::PERSIST, function ($no, $what, $arg) use ($log) { $log("s2 $no what=$what $arg"); }, "two");
$s3 = new Event($b, SIGUSR1, Event::SIGNAL, function ($no, $what, $arg) use ($log) { $log("s3 one-shot $no what=$what"); });
var_dump($s1->add(), $s2->add(), $s3->add());
posix_kill(posix_getpid(), SIGUSR1);
posix_kill(posix_getpid(), SIGUSR1);
$b->loop(EventBase::LOOP_ONCE);
var_dump($s1->pending(Event::SIGNAL), $s2->pending(Event::SIGNAL), $s3->pending(Event::SIGNAL));
$s2->del();
posix_kill(posix_getpid(), SIGUSR1);
$b->loop(EventBase::LOOP_ONCE);
$s1->del();
// A signal event with a timeout.
$st = new Event($b, SIGUSR2, Event::SIGNAL, function ($no, $what) use ($log) { $log("st what=$what"); });
$st->add(0.02);
$b->loop(EventBase::LOOP_ONCE);
$st->add(5);
posix_kill(posix_getpid(), SIGUSR2);
$b->loop(EventBase::LOOP_ONCE);
var_dump($st->pending(Event::TIMEOUT));
// Persistent io with a timeout: TIMEOUT twice, then READ.
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$n = 0;
$p = new Event($b, $r, Event::READ | Event::PERSIST, function ($fd, $what) use (&$n, &$p, $w, $r, $log) {
    $log("persist what=$what");
    if (++$n === 2) fwrite($w, "x");
    if ($what & Event::READ) { fread($r, 1); $p->del(); }
});
$p->add(0.01);
$b->loop();
// exit(t) with timers before and after t.
$t1 = Event::timer($b, fn() => $log("t1 10ms"));
$t2 = Event::timer($b, fn() => $log("t2 60ms"));
$t1->addTimer(0.01);
$t2->addTimer(0.06);
$b->exit(0.03);
var_dump($b->loop(), $b->gotExit(), $t2->pending(Event::TIMEOUT));
$t2->del();
// stop() from the first of three active callbacks.
$evs = [];
foreach ([1, 2, 3] as $i) { $evs[$i] = Event::timer($b, function () use ($i, $b, $log) { $log("cb $i"); if ($i === 1) $b->stop(); }); $evs[$i]->addTimer(0.005 * $i); }
usleep(30000);
var_dump($b->loop(), $b->gotStop());
var_dump($b->loop(EventBase::LOOP_NONBLOCK));
// Priorities with io: all readable at once, lower number first.
$b->priorityInit(3);
$pairs = [];
foreach ([2, 0, 1] as $i => $prio) {
    $pairs[$i] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    fwrite($pairs[$i][1], "x");
    $ev = new Event($b, $pairs[$i][0], Event::READ, function ($fd, $what, $arg) use ($log) { $log("io prio $arg"); }, $prio);
    $ev->setPriority($prio);
    $ev->add();
    $keep[] = $ev;
}
$b->loop();
// Max dispatch: one callback per iteration.
$c = new EventConfig();
$c->setMaxDispatchInterval(0, 1, 0);
$b2 = new EventBase($c);
foreach ([1, 2, 3] as $i) { $k[$i] = Event::timer($b2, fn() => $log("limited $i")); $k[$i]->addTimer(0.001 * $i); }
usleep(10000);
$b2->loop(EventBase::LOOP_ONCE); $log("--");
$b2->loop(EventBase::LOOP_ONCE); $log("--");
$b2->loop();
echo "done\n";
