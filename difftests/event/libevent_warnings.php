<?php
// libevent's own warnings that PECL shows before its generic ones: failed
// epoll_ctl (regular files, /dev/null, closed fds, with ET), sigaction on
// signals that cannot be caught, events without a base; text, order and the
// function they are reported from.
$b = new EventBase();
$tmp = tempnam(sys_get_temp_dir(), 'evw');
$file = fopen($tmp, 'r');
$null = fopen('/dev/null', 'r');
$cb = function () { echo "callback\n"; };
foreach ([Event::READ, Event::WRITE, Event::READ | Event::WRITE, Event::READ | Event::ET, Event::READ | Event::WRITE | Event::ET | Event::PERSIST] as $what) {
    $e = new Event($b, $file, $what, $cb);
    var_dump($e->add(), $e->pending);
    $e = new Event($b, $null, $what, $cb);
    var_dump($e->add(1.5));
}
// A second event on an fd that already failed.
$e1 = new Event($b, $file, Event::READ, $cb);
$e2 = new Event($b, $file, Event::WRITE, $cb);
var_dump($e1->add(), $e2->add());
// An fd closed after construction.
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$fd = EventUtil::getSocketFd($r);
$e = new Event($b, $fd, Event::READ, $cb);
fclose($r);
var_dump($e->add());
// Signals that cannot be caught or do not exist.
foreach ([0, SIGKILL, SIGSTOP, 32, 33, 64] as $sig) {
    $s = Event::signal($b, $sig, $cb);
    echo "signal $sig: "; var_dump($s->add());
    $s = new Event($b, $sig, Event::SIGNAL | Event::PERSIST, $cb);
    var_dump($s->addSignal(0.5));
}
$s = new Event($b, "x", Event::SIGNAL, $cb);
var_dump($s->add());
// Events created on a freed base: libevent's "event has no event_base set."
$fb = new EventBase();
$fb->free();
$o = new Event($fb, $w, Event::READ, $cb, "orphan");
var_dump($o->pending(Event::READ));
var_dump($o->pending);
var_dump($o->data);
var_dump($o);
var_dump($o->add(), $o->add(1), $o->addTimer(), $o->del(), $o->delTimer(), $o->removeTimer());
var_dump($o->set($b, $w, Event::WRITE));
var_dump($o->add(), $o->pending(Event::WRITE));
$o2 = Event::timer($fb, $cb);
var_dump($o2->addTimer(0.1));
$o2->free();
var_dump($o2);
$o3 = Event::signal($fb, SIGUSR1, $cb);
var_dump($o3->add());
unset($o3);
echo "unset\n";
$o4 = new Event($fb, $w, Event::WRITE, $cb);
var_dump($o4->setTimer($b, function () { echo "timer\n"; }));
var_dump($o4->addTimer(0));
unlink($tmp);
$left = new Event($fb, $w, Event::WRITE, $cb);
echo "end\n";
