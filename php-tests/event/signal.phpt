--TEST--
Event: a signal delivered while the loop is blocked in epoll_wait/poll/select wakes it; handlers are restored
--EXTENSIONS--
event
pcntl
--FILE--
<?php
foreach (['epoll' => [], 'poll' => ['epoll'], 'select' => ['epoll', 'poll']] as $name => $avoid) {
    $c = new EventConfig();
    foreach ($avoid as $m) $c->avoidMethod($m);
    $b = new EventBase($c);
    $got = 0;
    $s = Event::signal($b, SIGALRM, function ($sig, $arg) use (&$got, $b) { $got++; $b->stop(); }, 'x');
    $s->addSignal();
    $guard = Event::timer($b, function () use ($b) { echo "guard fired: signal lost\n"; $b->stop(); });
    $guard->addTimer(3);
    pcntl_alarm(1);
    $t = microtime(true);
    $b->loop();
    $el = microtime(true) - $t;
    echo "$name: method=", $b->getMethod(), " got=$got woke after ~1s: ", var_export($el > 0.5 && $el < 2.5, true), "\n";
    $s->delSignal();
    $guard->delTimer();
}
// After delSignal() the previous disposition (pcntl's handler) is back.
pcntl_signal(SIGUSR1, function () { echo "pcntl handler\n"; });
$b = new EventBase();
$s = Event::signal($b, SIGUSR1, function () { echo "event handler\n"; });
$s->addSignal();
posix_kill_self();
$b->loop(EventBase::LOOP_ONCE);
$s->free();
posix_kill_self();
pcntl_signal_dispatch();
// Two bases watching one signal share the handler: deleting one base's event
// keeps it installed for the other.
$b1 = new EventBase();
$b2 = new EventBase();
$s1 = Event::signal($b1, SIGUSR2, function () { echo "base 1\n"; });
$s2 = Event::signal($b2, SIGUSR2, function () { echo "base 2\n"; });
$s1->addSignal(); $s2->addSignal();
$s1->delSignal();
posix_kill_self(SIGUSR2);
$b2->loop(EventBase::LOOP_ONCE);
$s2->delSignal();
function posix_kill_self($sig = SIGUSR1) { if (function_exists('posix_kill')) posix_kill(getmypid(), $sig); else exec('kill -' . $sig . ' ' . getmypid()); }
?>
--EXPECTF--
epoll: method=epoll got=1 woke after ~1s: true
poll: method=poll got=1 woke after ~1s: true
select: method=select got=1 woke after ~1s: true
event handler
pcntl handler

Warning: Event::addSignal(): Added a signal to event base %s with signals already added to event_base %s.  Only one can have signals at a time with the epoll backend.  The base with the most recently added signal or the most recent event_base_loop() call gets preference; do not rely on this behavior in future Libevent versions. in %s on line %d
base 2
