<?php
// pcntl_fork() with a base in use: reInit() in the child, events still
// registered on both sides, signals after fork. The child's output is sent
// back through a pipe and printed by the parent after waitpid(), in order.
$b = new EventBase();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
[$cr, $cw] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$got = [];
$e = new Event($b, $r, Event::READ | Event::PERSIST, function ($fd, $what) use (&$got, $r) { $got[] = "read " . fread($r, 10) . " what=$what"; }, null);
$e->add();
$t = Event::timer($b, function () use (&$got) { $got[] = "timer"; });
$t->addTimer(0.3);
$pid = pcntl_fork();
if ($pid === 0) {
    fclose($cr);
    $out = [];
    $out[] = "child reInit " . json_encode($b->reInit());
    $out[] = "child pending " . json_encode([$e->pending(Event::READ), $t->pending(Event::TIMEOUT)]);
    $s = Event::signal($b, SIGUSR1, function ($no) use (&$out, &$s) { $out[] = "child signal $no"; $s->del(); });
    $s->add();
    posix_kill(posix_getpid(), SIGUSR1);
    $b->loop(EventBase::LOOP_ONCE);
    $out[] = "child got " . json_encode($got);
    $e->free(); $t->free();
    fwrite($cw, implode("\n", $out) . "\n");
    exit(0);
}
fclose($cw);
pcntl_waitpid($pid, $status);
echo stream_get_contents($cr);
echo "child exit ", pcntl_wexitstatus($status), "\n";
fwrite($w, "hi");
$b->loop(EventBase::LOOP_ONCE);
usleep(400000);
// Non-blocking: the 0.3 s timer is due by now; if the child took longer than
// 0.3 s (under valgrind, or a loaded machine) it already fired in the loop
// above, and a blocking LOOP_ONCE would wait forever on the idle read event.
$b->loop(EventBase::LOOP_NONBLOCK);
echo "parent got ", json_encode($got), "\n";
echo "parent pending ", json_encode([$e->pending(Event::READ), $t->pending(Event::TIMEOUT)]), "\n";
