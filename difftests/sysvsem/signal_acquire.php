<?php
// A signal with a pcntl_signal handler (pcntl_async_signals) arriving while
// sem_acquire blocks: native retries semop on EINTR (whatever
// restart_syscalls says), so the call completes once the semaphore is
// released and the handler runs after it returns; a handler that throws
// replaces the return value, the semaphore is acquired all the same.
// Bounded: SIGALRM (no handler) kills the test after 10 s.
pcntl_alarm(10);
pcntl_async_signals(true);
require __DIR__ . '/lib/signal_when_blocked.php';
$key = ftok(__FILE__, 's');
$__pid = getmypid(); register_shutdown_function(function () use ($key, $__pid) { if (getmypid() === $__pid) @sem_remove(sem_get($key)); });
$holder = sem_get($key, 1);
$waiter = sem_get($key, 1);

foreach ([true, false] as $restart) {
    echo "-- restart_syscalls: ", var_export($restart, true), "\n";
    pcntl_signal(SIGUSR1, function ($signo) { echo "handler ran for signal $signo\n"; }, $restart);
    var_dump(sem_acquire($holder));
    // The child inherits $holder: releasing it there frees the semaphore.
    $pid = signal_when_blocked(SIGUSR1, function () use ($holder) { echo "child releases\n"; sem_release($holder); });
    var_dump(sem_acquire($waiter));
    pcntl_waitpid($pid, $st);
    var_dump(sem_acquire($holder, true), sem_release($waiter), sem_acquire($holder, true), sem_release($holder));
}

echo "-- a handler that throws\n";
pcntl_signal(SIGUSR1, function ($signo) { echo "handler throws\n"; throw new RuntimeException("from the signal handler"); });
var_dump(sem_acquire($holder));
$pid = signal_when_blocked(SIGUSR1, function () use ($holder) { echo "child releases\n"; sem_release($holder); });
$r = "unassigned";
try { $r = sem_acquire($waiter); } catch (RuntimeException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($r);
pcntl_waitpid($pid, $st);
var_dump(sem_acquire($holder, true), sem_release($waiter), sem_acquire($holder, true), sem_release($holder));

echo "-- non-blocking acquire of a taken semaphore, signal pending\n";
pcntl_signal(SIGUSR1, function ($signo) { echo "handler ran for signal $signo\n"; });
var_dump(sem_acquire($holder));
posix_kill(getmypid(), SIGUSR1);
var_dump(sem_acquire($waiter, true));
var_dump(sem_release($holder), sem_remove($holder));
echo "done\n";
