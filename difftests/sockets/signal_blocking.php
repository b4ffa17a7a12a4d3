<?php
// A signal with a pcntl_signal handler (pcntl_async_signals) arriving while
// socket_accept, socket_read and socket_select block. restart_syscalls true
// (SA_RESTART): the kernel restarts accept and read, which complete when a
// client connects / data arrives; select is never restarted. false: every
// call fails with native's warning and EINTR. A throwing handler replaces
// the return value. Bounded: SIGALRM (no handler) kills the test after 10 s.
pcntl_alarm(10);
pcntl_async_signals(true);
require __DIR__ . '/lib/signal_when_blocked.php';
$listener = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($listener, '127.0.0.1', 0);
socket_listen($listener);
socket_getsockname($listener, $addr, $port);
$connect = function () use ($port) { $c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP); socket_connect($c, '127.0.0.1', $port); };
function show($what, $r) {
    echo "$what: ", $r instanceof Socket ? "Socket" : var_export($r, true), ", last error ", socket_last_error(), "\n";
    socket_clear_error();
}

foreach ([true, false] as $restart) {
    echo "-- restart_syscalls: ", var_export($restart, true), "\n";
    pcntl_signal(SIGUSR1, function ($signo) { echo "handler ran for signal $signo\n"; }, $restart);
    $pid = signal_when_blocked(SIGUSR1, $connect);
    $a = socket_accept($listener);
    show("socket_accept", $a);
    pcntl_waitpid($pid, $st);
    if (!$a) { $a = socket_accept($listener); show("socket_accept again", $a); }

    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
    $pid = signal_when_blocked(SIGUSR1, function () use ($pair) { socket_write($pair[1], "data"); });
    show("socket_read", socket_read($pair[0], 100));
    pcntl_waitpid($pid, $st);
    $pid = signal_when_blocked(SIGUSR1, function () use ($pair) { socket_write($pair[1], "line\nrest"); });
    show("socket_read normal", socket_read($pair[0], 100, PHP_NORMAL_READ));
    pcntl_waitpid($pid, $st);
    show("socket_read rest", socket_read($pair[0], 100));

    $pid = signal_when_blocked(SIGUSR1, function () use ($pair) { socket_write($pair[1], "x"); });
    $r = [$pair[0]]; $w = $e = null;
    show("socket_select", socket_select($r, $w, $e, 5));
    var_dump(count($r));
    pcntl_waitpid($pid, $st);
    $r = [$pair[0]]; $w = $e = null;
    show("socket_select", socket_select($r, $w, $e, null));
    var_dump(count($r));
    socket_close($pair[0]); socket_close($pair[1]);
}

echo "-- socket_recv, socket_recvfrom, socket_recvmsg, socket_write on a full buffer\n";
foreach ([true, false] as $restart) {
    echo "restart_syscalls: ", var_export($restart, true), "\n";
    pcntl_signal(SIGUSR1, function ($signo) { echo "handler ran for signal $signo\n"; }, $restart);
    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
    $feed = function () use ($pair) { socket_write($pair[1], "data"); };
    $pid = signal_when_blocked(SIGUSR1, $feed);
    $buf = "old";
    show("socket_recv", socket_recv($pair[0], $buf, 100, 0));
    var_dump($buf);
    pcntl_waitpid($pid, $st);
    if ($buf === null) { var_dump(socket_recv($pair[0], $buf, 100, 0), $buf); }
    $pid = signal_when_blocked(SIGUSR1, $feed);
    $buf = $from = "old";
    show("socket_recvfrom", socket_recvfrom($pair[0], $buf, 100, 0, $from));
    var_dump($buf, $from);
    pcntl_waitpid($pid, $st);
    if ($buf === "old") { var_dump(socket_recvfrom($pair[0], $buf, 100, 0, $from), $buf); }
    $pid = signal_when_blocked(SIGUSR1, $feed);
    $msg = ['name' => [], 'buffer_size' => 100, 'controllen' => 16];
    show("socket_recvmsg", socket_recvmsg($pair[0], $msg, 0));
    var_dump($msg['iov'] ?? null);
    pcntl_waitpid($pid, $st);
    if (!isset($msg['iov'])) { var_dump(socket_read($pair[0], 100)); }
    // Fill the send buffer, then write blocks until the child drains some.
    socket_set_nonblock($pair[0]);
    $n = 0; while (($w = @socket_write($pair[0], str_repeat("f", 65536))) !== false) $n += $w;
    socket_clear_error($pair[0]); socket_clear_error();
    socket_set_block($pair[0]);
    $pid = signal_when_blocked(SIGUSR1, function () use ($pair, $n) { $got = 0; while ($got < $n) { $r = socket_read($pair[1], 65536); if ($r === false || $r === "") break; $got += strlen($r); } });
    $w = socket_write($pair[0], str_repeat("g", 100));
    show("socket_write", $w);
    pcntl_waitpid($pid, $st);
    socket_close($pair[0]); socket_close($pair[1]);
}

echo "-- a handler that throws\n";
pcntl_signal(SIGUSR1, function ($signo) { echo "handler throws\n"; throw new RuntimeException("from the signal handler"); }, false);
$ret = "unassigned";
$pid = signal_when_blocked(SIGUSR1);
try { $ret = socket_accept($listener); } catch (RuntimeException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($ret); show("after", null);
pcntl_waitpid($pid, $st);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
$pid = signal_when_blocked(SIGUSR1);
try { $ret = socket_read($pair[0], 10); } catch (RuntimeException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($ret); show("after", null);
pcntl_waitpid($pid, $st);
$pid = signal_when_blocked(SIGUSR1);
$r = [$pair[0]]; $w = $e = null;
try { $ret = socket_select($r, $w, $e, 5); } catch (RuntimeException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($ret, $r); show("after", null);
pcntl_waitpid($pid, $st);
echo "-- the warning itself turned into an exception by an error handler\n";
set_error_handler(function ($no, $str) { throw new ErrorException($str, 0, $no); });
pcntl_signal(SIGUSR1, function ($signo) { echo "handler ran for signal $signo\n"; }, false);
$pid = signal_when_blocked(SIGUSR1);
$r = [$pair[0]]; $w = $e = null;
try { $ret = socket_select($r, $w, $e, 5); } catch (ErrorException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($ret, $r); show("after", null);
pcntl_waitpid($pid, $st);
$pid = signal_when_blocked(SIGUSR1);
try { $ret = socket_read($pair[0], 10); } catch (ErrorException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($ret); show("after", null);
pcntl_waitpid($pid, $st);
$pid = signal_when_blocked(SIGUSR1);
try { $ret = socket_accept($listener); } catch (ErrorException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($ret); show("after", null);
pcntl_waitpid($pid, $st);
echo "done\n";
