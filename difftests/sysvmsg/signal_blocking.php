<?php
// A signal with a pcntl_signal handler (pcntl_async_signals) arriving while
// msg_receive blocks on an empty queue and msg_send on a full one, with
// restart_syscalls true and false (msgrcv/msgsnd are never restarted by
// SA_RESTART: false and EINTR), and a handler that throws: the exception
// replaces the return value, the out parameters are written.
// Bounded: SIGALRM (no handler) kills the test after 10 s.
pcntl_alarm(10);
pcntl_async_signals(true);
require __DIR__ . '/lib/signal_when_blocked.php';
$key = ftok(__FILE__, 's');
$q = msg_get_queue($key);
$__pid = getmypid(); register_shutdown_function(function () use ($key, $__pid) { if (getmypid() === $__pid && msg_queue_exists($key)) msg_remove_queue(msg_get_queue($key)); });

foreach ([true, false] as $restart) {
    echo "-- restart_syscalls: ", var_export($restart, true), "\n";
    pcntl_signal(SIGUSR1, function ($signo) { echo "handler ran for signal $signo\n"; }, $restart);
    $pid = signal_when_blocked(SIGUSR1);
    $t = $m = $e = "old";
    var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e));
    var_dump($t, $m, $e === PCNTL_EINTR);
    pcntl_waitpid($pid, $st);
    // A message sent after the signal does not complete the interrupted receive.
    $pid = signal_when_blocked(SIGUSR1, fn() => msg_send($q, 3, "late"));
    $t = $m = $e = "old";
    var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
    pcntl_waitpid($pid, $st);
    var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT), $t, $m);
    // A full queue: msg_send blocks.
    msg_set_queue($q, ['msg_qbytes' => 100]);
    var_dump(msg_send($q, 1, str_repeat("z", 100), false));
    $pid = signal_when_blocked(SIGUSR1);
    $e = "old";
    var_dump(msg_send($q, 1, "more", false, true, $e), $e === PCNTL_EINTR);
    pcntl_waitpid($pid, $st);
    var_dump(msg_stat_queue($q)['msg_qnum']);
    var_dump(msg_receive($q, 0, $t, 200, $m, false), strlen($m));
}

echo "-- a handler that throws\n";
pcntl_signal(SIGUSR1, function ($signo) { echo "handler throws\n"; throw new RuntimeException("from the signal handler"); });
$pid = signal_when_blocked(SIGUSR1);
$r = "unassigned"; $t = $m = $e = "old";
try { $r = msg_receive($q, 0, $t, 100, $m, true, 0, $e); } catch (RuntimeException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($r, $t, $m, $e);
pcntl_waitpid($pid, $st);
var_dump(msg_send($q, 1, str_repeat("z", 100), false));
$pid = signal_when_blocked(SIGUSR1);
$r = "unassigned"; $e = "old";
try { $r = msg_send($q, 1, "more", true, true, $e); } catch (RuntimeException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($r, $e);
pcntl_waitpid($pid, $st);
var_dump(msg_stat_queue($q)['msg_qnum']);
msg_remove_queue($q);
echo "done\n";
