<?php
// difftest-exit: 3
// EventListener's accept loop: the callback's arguments for inet, inet6
// and unix peers, many pending clients accepted in one loop iteration, the
// accepted sockets' flags per option, enable/disable, and what callbacks do
// to the loop: disable(), free(), unset, setCallback() inside a callback,
// non-callable callbacks, exceptions and exit-free breaks.
function port_of($fd) { $s = socket_import_stream(fopen("php://fd/$fd", "r")); socket_getsockname($s, $ip, $port); return $port; }
function fdflags($fd) {
    $info = @file_get_contents("/proc/self/fdinfo/$fd");
    if ($info === false) return "closed";
    preg_match('/flags:\s*(\d+)/', $info, $m); $f = octdec($m[1]);
    return sprintf("nonblock=%d cloexec=%d", ($f & 04000) ? 1 : 0, ($f & 02000000) ? 1 : 0);
}
function is_open($fd) { return file_exists("/proc/self/fd/$fd") ? "open" : "closed"; }
function clients($port, $n, $host = "127.0.0.1") {
    $r = [];
    for ($i = 0; $i < $n; $i++) $r[] = stream_socket_client("tcp://$host:$port");
    usleep(20000);
    return $r;
}
$CF = EventListener::OPT_CLOSE_ON_FREE;
$b = new EventBase;

echo "--- callback arguments\n";
$seen = [];
$l = new EventListener($b, function ($l, $fd, $addr, $arg) use (&$seen) {
    $seen[] = $fd;
    echo func_num_args(), " ", get_class($l), " ", gettype($fd), " ", gettype($addr), " ",
        $addr[0], " ", is_int($addr[1]) && $addr[1] > 0 ? "port" : "?", " ", json_encode($arg), "\n";
}, ["the", "arg"], $CF, -1, "127.0.0.1:0");
$port = port_of($l->fd);
$c = clients($port, 2);
var_dump($b->loop(EventBase::LOOP_NONBLOCK));
// The peer port is the client's own.
$names = array_map(fn($s) => (int) explode(":", stream_socket_get_name($s, false))[1], $c);
echo count($seen), " accepted, fds distinct: ", count(array_unique($seen)), "\n";
foreach ($seen as $fd) echo fdflags($fd), "\n";

echo "--- unix peers\n";
$path = __DIR__ . "/a.sock";
$lu = new EventListener($b, function ($l, $fd, $addr, $arg) {
    echo "unix: ", gettype($fd), " ", var_export($addr, true), " ", json_encode($arg), "\n";
}, null, $CF, -1, "unix:$path");
$u = stream_socket_client("unix://$path");
$b->loop(EventBase::LOOP_NONBLOCK);
$lu->free();
var_dump(file_exists($path));
unlink($path);

echo "--- IPv6 peers\n";
if (@stream_socket_server("tcp://[::1]:0")) {
    $l6 = new EventListener($b, function ($l, $fd, $addr) { echo "v6: ", $addr[0], " ", is_int($addr[1]) ? "port" : "?", "\n"; }, null, $CF, -1, "[::1]:0");
    $c6 = clients(port_of($l6->fd), 1, "[::1]");
    $b->loop(EventBase::LOOP_NONBLOCK);
    $l6 = new EventListener($b, function ($l, $fd, $addr) { echo "v4 on [::]: ", $addr[0], "\n"; }, null, $CF, -1, "[::]:0");
    $c6 = clients(port_of($l6->fd), 1);
    $b->loop(EventBase::LOOP_NONBLOCK);
    $l6->free();
} else {
    echo "no ::1 here\n";
}

echo "--- 200 pending clients, one loop iteration\n";
$n = 0;
$fds = [];
$l = new EventListener($b, function ($l, $fd) use (&$n, &$fds) { $n++; $fds[] = $fd; }, null, $CF, 300, "127.0.0.1:0");
$many = clients(port_of($l->fd), 200);
$b->loop(EventBase::LOOP_ONCE);
echo "accepted $n\n";
foreach ($fds as $fd) fclose(fopen("php://fd/$fd", "r")); // still open: the callback owns them
$many = [];

echo "--- accepted socket flags per option\n";
foreach ([0, 1, 4, 5, 8, 16] as $flags) {
    $got = [];
    $l = new EventListener($b, function ($l, $fd) use (&$got) { $got[] = $fd; }, null, $flags | $CF, -1, "127.0.0.1:0");
    $c = clients(port_of($l->fd), 1);
    $b->loop(EventBase::LOOP_NONBLOCK);
    $s = socket_import_stream(fopen("php://fd/{$got[0]}", "r"));
    echo "flags $flags: ", fdflags($got[0]), " keepalive=", socket_get_option($s, SOL_SOCKET, SO_KEEPALIVE), "\n";
}

echo "--- OPT_DISABLED, enable, disable\n";
$n = 0;
$l = new EventListener($b, function () use (&$n) { $n++; }, null, $CF | EventListener::OPT_DISABLED, -1, "127.0.0.1:0");
$c = clients(port_of($l->fd), 3);
var_dump($b->loop(EventBase::LOOP_NONBLOCK), $n);
var_dump($l->enable(), $l->enable());
var_dump($b->loop(EventBase::LOOP_NONBLOCK), $n);
var_dump($l->disable(), $l->disable());
$c = clients(port_of($l->fd), 2);
var_dump($b->loop(), $n);
var_dump($l->enable());
var_dump($b->loop(EventBase::LOOP_ONCE), $n);
$l->free();
var_dump($b->loop());

echo "--- disable() inside the callback stops the accept loop\n";
$n = 0;
$l = new EventListener($b, function ($l) use (&$n) { $n++; echo "cb $n\n"; var_dump($l->disable()); }, null, $CF, -1, "127.0.0.1:0");
$c = clients(port_of($l->fd), 3);
$b->loop(EventBase::LOOP_NONBLOCK);
$l->enable();
$b->loop(EventBase::LOOP_NONBLOCK);
echo "total $n\n";

echo "--- free() inside the callback\n";
$n = 0;
$got = null;
$l = new EventListener($b, function ($l, $fd) use (&$n, &$got) {
    $n++;
    $lfd = $l->fd;
    $l->free();
    var_dump($l->fd, isset($l->fd));
    echo "listening socket inside: ", is_open($lfd), ", accepted: ", is_open($fd), "\n";
    $got = [$lfd, $fd];
}, null, $CF, -1, "127.0.0.1:0");
$c = clients(port_of($l->fd), 3);
var_dump($b->loop(EventBase::LOOP_NONBLOCK));
echo "callbacks $n, listening socket after: ", is_open($got[0]), ", accepted: ", is_open($got[1]), "\n";
var_dump($l->enable());

echo "--- unset inside the callback\n";
$n = 0;
$l = new EventListener($b, function ($l) use (&$n) { $n++; unset($GLOBALS['l']); echo "unset\n"; }, null, $CF, -1, "127.0.0.1:0");
$c = clients(port_of($l->fd), 3);
$b->loop(EventBase::LOOP_NONBLOCK);
var_dump($n, isset($l));

echo "--- setCallback() inside the callback\n";
$second = function ($l, $fd, $addr, $arg) { echo "second ", json_encode($arg), "\n"; };
$l = new EventListener($b, function ($l, $fd, $addr, $arg) use ($second) {
    echo "first ", json_encode($arg), "\n";
    $l->setCallback($second, "B");
}, "A", $CF, -1, "127.0.0.1:0");
$port = port_of($l->fd);
$c = clients($port, 3);
$b->loop(EventBase::LOOP_NONBLOCK);
$l->setCallback($second, null);
$c = clients($port, 1);
$b->loop(EventBase::LOOP_NONBLOCK);
$l->setCallback($second);
$c = clients($port, 1);
$b->loop(EventBase::LOOP_NONBLOCK);
function named_cb($l, $fd, $addr, $arg) { echo "named ", json_encode($arg), "\n"; }
$l->setCallback('named_cb', "N");
$c = clients($port, 1);
$b->loop(EventBase::LOOP_NONBLOCK);
$l->setCallback(function () use (&$l) { echo "closure sees listener\n"; $l->setCallback(fn() => print("swapped\n")); });
$c = clients($port, 2);
$b->loop(EventBase::LOOP_NONBLOCK);
$l->free();

echo "--- a non-callable callback leaves accepted sockets open\n";
$before = count(scandir("/proc/self/fd"));
$l = new EventListener($b, "no_such_function", null, $CF, -1, "127.0.0.1:0");
$c = clients(port_of($l->fd), 3);
$b->loop(EventBase::LOOP_NONBLOCK);
echo "new fds: ", count(scandir("/proc/self/fd")) - $before, "\n";
$l->free();

echo "--- exceptions\n";
$n = 0;
$got = [];
$l = new EventListener($b, function ($l, $fd) use (&$n, &$got) { $n++; $got[] = $fd; throw new LogicException("boom $n"); }, null, $CF, -1, "127.0.0.1:0");
$c = clients(port_of($l->fd), 3);
try { $b->loop(); } catch (Exception $e) { echo get_class($e), " ", $e->getMessage(), "\n"; }
echo "callbacks $n, accepted socket ", is_open($got[0]), ", gotStop ", json_encode($b->gotStop()), "\n";
var_dump($b->loop(EventBase::LOOP_NONBLOCK), $n);
var_dump($l->enable());
try { $b->loop(EventBase::LOOP_NONBLOCK); } catch (Exception $e) { echo get_class($e), " ", $e->getMessage(), "\n"; }
echo "callbacks $n\n";
$port = port_of($l->fd);
$l->setCallback(function ($l, $fd) { throw new Error("err"); });
$l->enable();
$c = clients($port, 2);
try { $b->loop(); } catch (Error $e) { echo get_class($e), " ", $e->getMessage(), "\n"; }
$l->setCallback(function (EventListener $l, array $fd) {});
$l->enable();
$c = clients($port, 2);
try { $b->loop(); } catch (TypeError $e) { echo get_class($e), "\n"; }
$l->setCallback(function ($l) { $l->free(); throw new Exception("after free"); });
$l->enable();
$c = clients($port, 2);
try { $b->loop(); } catch (Exception $e) { echo get_class($e), " ", $e->getMessage(), "\n"; }
var_dump($l->fd);

echo "--- the callback gets the listener itself; the listener event has the middle priority\n";
$bp = new EventBase;
$bp->priorityInit(3);
$lp = new EventListener($bp, function ($x, $fd, $a, $arg) use (&$lp) { var_dump($x === $lp, $arg); }, null, $CF, -1, "127.0.0.1:0");
$t2 = Event::timer($bp, function () { echo "timer prio 2\n"; });
$t2->setPriority(2);
$t2->addTimer(0);
$t0 = Event::timer($bp, function () { echo "timer prio 0\n"; });
$t0->setPriority(0);
$t0->addTimer(0);
$c = clients(port_of($lp->fd), 1);
$bp->loop(EventBase::LOOP_NONBLOCK);

echo "--- exit() inside the callback\n";
$l = new EventListener($b, function () { echo "exiting\n"; exit(3); }, null, $CF, -1, "127.0.0.1:0");
$c = clients(port_of($l->fd), 2);
register_shutdown_function(function () { echo "shutdown\n"; });
$b->loop();
echo "not reached\n";
