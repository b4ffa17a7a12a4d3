--TEST--
Event: set() to another fd/mask/callback/arg, removeTimer(), ET edge-triggered reads, WRITE events, poll and select io
--EXTENSIONS--
event
--FILE--
<?php
foreach ([[], ['epoll'], ['epoll', 'poll']] as $avoid) {
    $c = new EventConfig();
    foreach ($avoid as $m) $c->avoidMethod($m);
    $b = new EventBase($c);
    echo "== ", $b->getMethod(), "\n";
    list($r1, $w1) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    list($r2, $w2) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    $log = [];
    $e = new Event($b, $r1, Event::READ, function ($fd, $what, $arg) use (&$log) { $log[] = "$arg:" . fread($fd, 10); }, 'first');
    fwrite($w1, "one"); fwrite($w2, "two");
    $e->add(); $b->loop(EventBase::LOOP_ONCE);
    var_dump($e->set($b, $r2, Event::READ, null, 'second'));
    $e->add(); $b->loop(EventBase::LOOP_ONCE);
    var_dump($e->set($b, $r1, Event::READ, function ($fd, $what, $arg) use (&$log) { $log[] = "new cb $arg"; fread($fd, 10); }));
    fwrite($w1, "x");
    $e->add(); $b->loop(EventBase::LOOP_ONCE);
    echo implode(' | ', $log), "\n";
    // WRITE on a writable socket.
    $wr = new Event($b, $w1, Event::WRITE, function ($fd, $what) { echo "writable what=$what\n"; });
    $wr->add(); $b->loop(EventBase::LOOP_ONCE); $wr->free();
    // removeTimer keeps the io part.
    $io = new Event($b, $r1, Event::READ, function () {});
    $io->add(5);
    var_dump($io->removeTimer(), $io->pending(Event::TIMEOUT), $io->pending(Event::READ));
    $io->free(); $e->free();
    fclose($r1); fclose($w1); fclose($r2); fclose($w2);
}
// Edge-triggered: one callback per new arrival, not per loop while data is left.
$b = new EventBase();
list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$n = 0;
$et = new Event($b, $r, Event::READ | Event::PERSIST | Event::ET, function () use (&$n) { $n++; });
$et->add();
fwrite($w, "a");
for ($i = 0; $i < 3; $i++) $b->loop(EventBase::LOOP_NONBLOCK);
echo "ET after one write, 3 loops: $n\n";
fwrite($w, "b");
for ($i = 0; $i < 3; $i++) $b->loop(EventBase::LOOP_NONBLOCK);
echo "ET after a second write: $n\n";
// Mixing edge- and level-triggered events on one fd is refused, as in libevent.
$lt = new Event($b, $r, Event::READ, function () {});
var_dump($lt->add());
?>
--EXPECTF--
== epoll
bool(true)
bool(true)
first:one | second:two | new cb second
writable what=4
bool(true)
bool(false)
bool(true)
== poll
bool(true)
bool(true)
first:one | second:two | new cb second
writable what=4
bool(true)
bool(false)
bool(true)
== select
bool(true)
bool(true)
first:one | second:two | new cb second
writable what=4
bool(true)
bool(false)
bool(true)
ET after one write, 3 loops: 1
ET after a second write: 2
bool(true)
