--TEST--
Ipc\ timed waits: they end at the deadline (within 200 ms on a loaded machine), sleep without using CPU, and take an earlier message or release at once
--EXTENSIONS--
sysvsem
sysvmsg
pcntl
--FILE--
<?php
function cpu(): float {
    $r = getrusage();
    return $r['ru_utime.tv_sec'] + $r['ru_utime.tv_usec'] / 1e6 + $r['ru_stime.tv_sec'] + $r['ru_stime.tv_usec'] / 1e6;
}
/** Runs $f, prints its result, and checks its wall time is in [$min, $max] s and its CPU time < 40 ms. */
function check(string $what, float $min, float $max, callable $f): void {
    $c = cpu(); $t = hrtime(true);
    $r = $f();
    $wall = (hrtime(true) - $t) / 1e9; $used = cpu() - $c;
    $ok = $wall >= $min && $wall <= $max && $used < 0.04;
    printf("%s: %s %s\n", $what, var_export($r, true), $ok ? "ok" : sprintf("WRONG wall=%.3f cpu=%.3f", $wall, $used));
}
/** Forks a child that runs $f after $delay seconds; returns its pid. */
function later(float $delay, callable $f): int {
    $pid = pcntl_fork();
    if ($pid === 0) { pcntl_alarm(10); usleep((int)($delay * 1e6)); $f(); exit(0); }
    return $pid;
}
$k = ftok(__FILE__, 't');
$s = sem_get($k);
$q = msg_get_queue($k);
try {
    echo "-- deadlines\n";
    sem_acquire($s);
    check("sem held elsewhere, 0.5 s", 0.5, 0.7, fn() => Ipc\sem_acquire_timeout($s, 0.5));
    check("sem, 0 s", 0, 0.2, fn() => Ipc\sem_acquire_timeout($s, 0));
    sem_release($s);
    check("receive from empty queue, 0.5 s", 0.5, 0.7, fn() => Ipc\msg_receive_timeout($q, 0, $t, 64, $m, 0.5, true, 0, $e) ?: $e);
    check("receive, 0.05 s", 0.05, 0.25, fn() => Ipc\msg_receive_timeout($q, 0, $t, 64, $m, 0.05, true, 0, $e) ?: $e);
    check("receive, 0 s", 0, 0.2, fn() => Ipc\msg_receive_timeout($q, 0, $t, 64, $m, 0, true, 0, $e) ?: $e);
    msg_set_queue($q, ['msg_qbytes' => 16]);
    msg_send($q, 1, str_repeat("x", 16), false);
    check("send to a full queue, 0.5 s", 0.5, 0.7, fn() => Ipc\msg_send_timeout($q, 1, "y", 0.5, false, $e) ?: $e);
    check("send, 0 s", 0, 0.2, fn() => Ipc\msg_send_timeout($q, 1, "y", 0, false, $e) ?: $e);
    msg_receive($q, 0, $t, 64, $m, false);

    echo "-- a release, a message or room that comes earlier is taken at once\n";
    $pid = later(0, function () use ($k) { $c = sem_get($k); sem_acquire($c); usleep(300000); sem_release($c); });
    usleep(100000);   // the child holds it now
    check("sem released after ~0.2 s, 5 s", 0.1, 0.45, fn() => Ipc\sem_acquire_timeout($s, 5));
    sem_release($s);
    pcntl_waitpid($pid, $st);
    $pid = later(0.3, fn() => msg_send(msg_get_queue($k), 7, "hello"));
    check("message after 0.3 s, 5 s", 0.3, 0.55, fn() => Ipc\msg_receive_timeout($q, 0, $t, 64, $m, 5) ? [$t, $m] : false);
    pcntl_waitpid($pid, $st);
    msg_send($q, 1, str_repeat("x", 16), false);
    $pid = later(0.3, fn() => msg_receive(msg_get_queue($k), 0, $t, 64, $m, false));
    check("room after 0.3 s, 5 s", 0.3, 0.55, fn() => Ipc\msg_send_timeout($q, 2, "z", 5, false));
    pcntl_waitpid($pid, $st);
    var_dump(msg_receive($q, 0, $t, 64, $m, false), $t, $m);

    echo "-- many short waits in a row stay on time (the timer is reused)\n";
    check("20 x 0.01 s", 0.2, 0.5, function () use ($q) {
        for ($i = 0; $i < 20; $i++) if (Ipc\msg_receive_timeout($q, 0, $t, 64, $m, 0.01)) return "got one?";
        return "all timed out";
    });
    echo "-- in a forked child (timers are not inherited: it makes its own)\n";
    $pid = pcntl_fork();
    if ($pid === 0) {
        pcntl_alarm(10);
        check("child receive, 0.2 s", 0.2, 0.4, fn() => Ipc\msg_receive_timeout(msg_get_queue($k), 0, $t, 64, $m, 0.2, true, 0, $e) ?: $e);
        exit(0);
    }
    pcntl_waitpid($pid, $st);
    echo "-- with every signal blocked by the script\n";
    pcntl_sigprocmask(SIG_BLOCK, range(1, 31));
    check("receive, 0.2 s", 0.2, 0.4, fn() => Ipc\msg_receive_timeout($q, 0, $t, 64, $m, 0.2, true, 0, $e) ?: $e);
    pcntl_sigprocmask(SIG_SETMASK, [], $old);
    var_dump(count($old));   // the script's mask (29: SIGKILL and SIGSTOP cannot be blocked) is back after the wait
} finally {
    msg_remove_queue($q);
    sem_remove($s);
}
?>
--EXPECT--
-- deadlines
sem held elsewhere, 0.5 s: false ok
sem, 0 s: false ok
receive from empty queue, 0.5 s: 110 ok
receive, 0.05 s: 110 ok
receive, 0 s: 110 ok
send to a full queue, 0.5 s: 110 ok
send, 0 s: 110 ok
-- a release, a message or room that comes earlier is taken at once
sem released after ~0.2 s, 5 s: true ok
message after 0.3 s, 5 s: array (
  0 => 7,
  1 => 'hello',
) ok
room after 0.3 s, 5 s: true ok
bool(true)
int(2)
string(1) "z"
-- many short waits in a row stay on time (the timer is reused)
20 x 0.01 s: 'all timed out' ok
-- in a forked child (timers are not inherited: it makes its own)
child receive, 0.2 s: 110 ok
-- with every signal blocked by the script
receive, 0.2 s: 110 ok
int(29)
