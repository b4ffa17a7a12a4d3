<?php
// A signal with a pcntl_signal handler (pcntl_async_signals) arriving while
// EventBase::loop() waits: the wait is interrupted (EINTR) and the loop goes
// on waiting (as libevent does, whatever restart_syscalls says); the PHP
// handler runs once PHP code runs again: in the next event callback, or when
// loop() returns. A handler that throws: the exception surfaces from the
// callback that was running. Bounded: SIGALRM (no handler) kills the test
// after 10 s.
if (!class_exists('EventBase')) { echo "#SKIP EventBase missing: run under PECL event and php-ipc by the event harness\n"; exit; }
pcntl_alarm(10);
pcntl_async_signals(true);
require __DIR__ . '/lib/signal_when_blocked.php';
foreach ([true, false] as $restart) {
    echo "-- restart_syscalls: ", var_export($restart, true), "\n";
    pcntl_signal(SIGUSR1, function ($signo) { echo "handler ran for signal $signo\n"; }, $restart);
    $base = new EventBase();
    $t0 = microtime(true);
    $timer = Event::timer($base, function () use ($t0) { echo "timer fired after ", microtime(true) - $t0 >= 0.5 ? ">= 0.5 s" : "< 0.5 s", "\n"; }, null);
    $timer->addTimer(0.6);
    $pid = signal_when_blocked(SIGUSR1);
    var_dump($base->loop());
    echo "loop returned\n";
    pcntl_waitpid($pid, $st);
    // A callback that calls a function: the handler runs at that call.
    $timer = Event::timer($base, function () { echo "timer: before strlen\n"; strlen("x"); echo "timer: after strlen\n"; }, null);
    $timer->addTimer(0.6);
    $pid = signal_when_blocked(SIGUSR1);
    var_dump($base->loop(EventBase::LOOP_ONCE));
    echo "loop returned\n";
    pcntl_waitpid($pid, $st);
    // Signal with a read event: the data arrives after the signal.
    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
    $ev = new Event($base, $pair[0], Event::READ, function ($fd, $what) { echo "readable\n"; });
    $ev->add();
    $pid = signal_when_blocked(SIGUSR1, function () use ($pair) { socket_write($pair[1], "data"); });
    var_dump($base->loop());
    echo "loop returned\n";
    pcntl_waitpid($pid, $st);
    var_dump(socket_read($pair[0], 10));
}

echo "-- a handler that throws\n";
pcntl_signal(SIGUSR1, function ($signo) { echo "handler throws\n"; throw new RuntimeException("from the signal handler"); });
$base = new EventBase();
$timer = Event::timer($base, function () { echo "timer: before strlen\n"; strlen("x"); echo "timer: after strlen\n"; }, null);
$timer->addTimer(0.6);
$timer2 = Event::timer($base, function () { echo "second timer\n"; }, null);
$timer2->addTimer(0.7);
$pid = signal_when_blocked(SIGUSR1);
$r = "unassigned";
try { $r = $base->loop(); } catch (RuntimeException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($r);
pcntl_waitpid($pid, $st);
var_dump($base->loop());
echo "-- signal while the loop has only a timer far away, exit() in the handler\n";
pcntl_signal(SIGUSR1, function ($signo) { echo "handler exits\n"; exit(0); });
$base = new EventBase();
$timer = Event::timer($base, function () { echo "timer\n"; }, null);
$timer->addTimer(0.6);
$pid = signal_when_blocked(SIGUSR1);
register_shutdown_function(function () use ($pid) { pcntl_waitpid($pid, $st); echo "shutdown\n"; });
$base->loop();
echo "not reached?\n";
