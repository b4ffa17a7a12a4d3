<?php
// Object lifetimes and callbacks: a bufferevent dropped by PHP stops, one
// freed or unset inside its own callback, exceptions thrown from read,
// write and event callbacks (the loop stops, the exception reaches loop()'s
// caller), OPT_DEFER_CALLBACKS on sockets, priorities.
$b = new EventBase();
function pair() { return stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0); }
function run($b, $label, $flags = EventBase::LOOP_NONBLOCK) {
    try { $r = $b->loop($flags); echo "-- $label ", json_encode($r), "\n"; }
    catch (Throwable $e) { echo "-- $label threw ", get_class($e), ": ", $e->getMessage(), "\n"; }
}
[$s1, $s2] = pair();
stream_set_blocking($s1, false);
stream_set_blocking($s2, false);
function local_bev($b, $s) {
    $bev = new EventBufferEvent($b, $s, 0, function () { echo "never\n"; });
    $bev->enable(Event::READ);
}
local_bev($b, $s1);
fwrite($s2, "x");
run($b, "dropped");
fread($s1, 10);

echo "free in callback\n";
$bev = new EventBufferEvent($b, $s1, 0, function ($bev) {
    echo "read ", $bev->read(10), "\n";
    $bev->free();
    echo "enabled after free: "; var_dump($bev->getEnabled());
}, null, function ($bev, $w) { echo "event $w\n"; });
$bev->enable(Event::READ);
fwrite($s2, "yz");
run($b, "free");
fread($s1, 10);

echo "unset in callback\n";
$bev = new EventBufferEvent($b, $s1, 0, function ($self, $arg) {
    global $bev;
    echo "read ", $self->read(10), " arg=$arg\n";
    $bev = null;
    echo "still usable: ", $self->getEnabled(), "\n";
}, null, null, "ARG");
$bev->enable(Event::READ);
fwrite($s2, "ab");
run($b, "unset");
fwrite($s2, "cd");
run($b, "after unset");
var_dump(fread($s1, 10));

echo "exceptions\n";
$n = 0;
$bev = new EventBufferEvent($b, $s1, 0,
    function ($bev) use (&$n) { echo "read ", $bev->read(10), "\n"; if ($n++ == 0) throw new RuntimeException("from read"); },
    function ($bev) { echo "write\n"; throw new LogicException("from write"); },
    function ($bev, $w) { echo "event $w\n"; throw new DomainException("from event"); });
$bev->enable(Event::READ);
fwrite($s2, "q");
run($b, "read throws", 0);
fwrite($s2, "r");
run($b, "read again");
$bev->write("w");
run($b, "write throws");
var_dump(fread($s2, 10), $bev->getEnabled());
$bev->setTimeouts(0.02, 0);
run($b, "event throws", 0);
var_dump($bev->getEnabled());
$bev->setTimeouts(0, 0);
$bev->free();

echo "exit() in a callback\n";
$bev = new EventBufferEvent($b, $s1, 0, function ($bev) use ($b) { echo "read ", $bev->read(10), "\n"; $b->exit(); });
$bev->enable(Event::READ);
fwrite($s2, "1"); run($b, "exit 1", 0);
fwrite($s2, "2"); run($b, "exit 2", 0);
$bev->free();

echo "deferred callbacks\n";
$bev = new EventBufferEvent($b, $s1, EventBufferEvent::OPT_DEFER_CALLBACKS,
    function ($bev) { echo "d read ", $bev->read(100), "\n"; },
    function ($bev) { echo "d write ", $bev->output->length, "\n"; },
    function ($bev, $w) { echo "d event $w\n"; });
$t = new Event($b, -1, Event::TIMEOUT, function () { echo "timer\n"; });
$bev->enable(Event::READ);
fwrite($s2, "deferred");
$bev->write("out");
$t->add(0);
run($b, "deferred");
var_dump(fread($s2, 10));
fclose($s2);
run($b, "deferred eof");
$bev->free();

echo "priorities\n";
$b2 = new EventBase(new EventConfig);
$b2->priorityInit(3);
[$s1, $s2] = pair();
stream_set_blocking($s1, false);
$bev = new EventBufferEvent($b2, $s1, 0, function ($bev) { echo "bev read ", $bev->read(100), "\n"; });
var_dump($bev->setPriority(2), $bev->setPriority(3));
$bev->enable(Event::READ);
$e = new Event($b2, $s1, Event::READ, function () { echo "event read\n"; });
$e->setPriority(0);
$e->add();
fwrite($s2, "prio");
run($b2, "priorities", EventBase::LOOP_ONCE);
run($b2, "priorities 2");
$e->free();
$bev->free();

// A bufferevent used after its base was freed: PECL crashes (segfault);
// php-ipc's behaviour is in php-tests/event/bev_base_freed.phpt.
echo "done\n";
