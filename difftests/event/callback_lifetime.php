<?php
// The Event whose callback is running is not kept alive by the loop (as in
// PECL): a callback that drops the last reference destroys it at once
// (WeakReference::get() is null inside the callback), the callback's
// arguments stay valid, and a signal event destroyed on its first call of
// several is not called again.
if (!class_exists('EventBase')) { echo "#SKIP EventBase missing: run under PECL event and php-ipc by the event harness\n"; exit; }
$b = new EventBase();
$w = null;
// A timer with data, dropped in its callback.
$e = Event::timer($b, function ($arg) use (&$e, &$w) {
    $e = null;
    echo "timer: ", var_export($w->get(), true), " arg=", $arg->v, "\n";
}, (object) ['v' => 'data']);
$w = WeakReference::create($e);
$e->addTimer(0);
$b->loop();
var_dump($w->get());
// An io event on a stream: the resource passed in stays open.
[$r, $wr] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
fwrite($wr, "x");
$e = new Event($b, $r, Event::READ | Event::PERSIST, function ($fd, $what) use (&$e, &$w) {
    $e = null;
    echo "io: ", var_export($w->get(), true), " what=$what fd=", get_resource_type($fd), "\n";
});
$w = WeakReference::create($e);
$e->add();
$b->loop(EventBase::LOOP_ONCE);
var_dump($w->get(), $b->loop(EventBase::LOOP_NONBLOCK));
// free() then dropping the reference, inside the callback.
$e = Event::timer($b, function () use (&$e, &$w) {
    $e->free();
    $e = null;
    echo "freed: ", var_export($w->get(), true), "\n";
});
$w = WeakReference::create($e);
$e->addTimer(0);
$b->loop();
// Two deliveries of a signal: the persistent event is destroyed on the first call.
$calls = 0;
$e = new Event($b, SIGUSR1, Event::SIGNAL | Event::PERSIST, function ($no) use (&$e, &$calls) {
    $calls++;
    $e = null;
    echo "signal $no call $calls\n";
});
$e->add();
$other = Event::signal($b, SIGUSR1, function ($no) use (&$other) { echo "other signal $no\n"; $other->del(); });
$other->add();
posix_kill(posix_getpid(), SIGUSR1);
posix_kill(posix_getpid(), SIGUSR1);
$b->loop(EventBase::LOOP_ONCE);
var_dump($calls, $e);
// An Event held only by an array the callback drops: the array, the Event
// and the array's other values go at once.
class Marker { function __construct(public string $n) {} function __destruct() { echo "marker {$this->n} destructed\n"; } }
$keep = [];
$keep[0] = Event::timer($b, function () use (&$keep) {
    $keep = null;
    echo "array dropped\n";
});
$keep[1] = new Marker('array');
$keep[0]->addTimer(0);
$b->loop();
echo "done\n";
