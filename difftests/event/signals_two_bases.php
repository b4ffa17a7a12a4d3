<?php
// Signals with two bases: libevent lets one base at a time receive them (the
// last to add a signal, or to start a loop holding signal events), warns when
// a second base adds one, and gives each delivery to the base that owned the
// signals when it arrived.
$b1 = new EventBase();
$b2 = new EventBase();
$log = function ($s) { echo $s, "\n"; };
$s1 = Event::signal($b1, SIGUSR1, fn($n) => $log("b1 got $n"));
$s2 = Event::signal($b2, SIGUSR1, fn($n) => $log("b2 got $n"));
var_dump($s1->add());
var_dump($s2->add());
posix_kill(posix_getpid(), SIGUSR1);
var_dump($b1->loop(EventBase::LOOP_NONBLOCK));
var_dump($b2->loop(EventBase::LOOP_NONBLOCK));
// b1 starts a loop: it owns the signals again.
var_dump($b1->loop(EventBase::LOOP_NONBLOCK));
posix_kill(posix_getpid(), SIGUSR1);
var_dump($b2->loop(EventBase::LOOP_NONBLOCK));
var_dump($b1->loop(EventBase::LOOP_NONBLOCK));
// Different signals on the two bases.
$u2 = Event::signal($b2, SIGUSR2, fn($n) => $log("b2 got $n"));
var_dump($u2->add());
posix_kill(posix_getpid(), SIGUSR2);
posix_kill(posix_getpid(), SIGUSR1);
var_dump($b1->loop(EventBase::LOOP_NONBLOCK));
var_dump($b2->loop(EventBase::LOOP_NONBLOCK));
// After the second base lets go of its signals, a new add does not warn.
$s2->del(); $u2->del();
$s3 = Event::signal($b1, SIGUSR2, fn($n) => $log("b1 got $n"));
var_dump($s3->add());
posix_kill(posix_getpid(), SIGUSR2);
var_dump($b1->loop(EventBase::LOOP_NONBLOCK));
// A freed base gives up ownership.
$b2->free();
$s4 = Event::signal($b1, SIGHUP, fn($n) => $log("b1 got $n"));
var_dump($s4->add());
echo "done\n";
