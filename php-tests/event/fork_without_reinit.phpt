--TEST--
Event: a forked child that frees its copies of the events (or loops) without reInit() does not disturb the parent's epoll registrations
--EXTENSIONS--
event
pcntl
--FILE--
<?php
$b = new EventBase();
list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$got = [];
$e = new Event($b, $r, Event::READ | Event::PERSIST, function ($fd) use (&$got, &$e) { $got[] = fread($fd, 100); $e->del(); });
$e->add();
// Child 1 deletes and frees every event, then exits.
$pid = pcntl_fork();
if ($pid === 0) { $e->del(); $e->free(); $b->free(); exit(0); }
pcntl_waitpid($pid, $st);
// Child 2 runs a non-blocking loop on the inherited base (implicit reInit), then exits.
$pid = pcntl_fork();
if ($pid === 0) { $b->loop(EventBase::LOOP_NONBLOCK); exit(0); }
pcntl_waitpid($pid, $st);
var_dump($e->pending(Event::READ));
fwrite($w, "still registered");
$guard = Event::timer($b, function () use ($b) { echo "lost\n"; $b->stop(); });
$guard->addTimer(2);
$e2 = Event::timer($b, function () {});
$b->loop(EventBase::LOOP_ONCE);
echo implode(',', $got), "\n";
?>
--EXPECT--
bool(true)
still registered
