<?php
// User code run inside msg_send()/msg_receive(): serializers and
// unserializers that throw, warn or remove the queue; autoloaders and
// unserialize_callback_func; destructors of the old values of the
// by-reference out parameters (and what they see); throwing error handlers.
function t(callable $f) {
    try { var_dump($f()); } catch (Throwable $e) {
        for ($x = $e; $x; $x = $x->getPrevious()) echo $x === $e ? "" : "  previous: ", get_class($x), ": ", $x->getMessage(), "\n";
    }
}
// Reads that fail run in a forked child: native leaks the partial value
// (object ids shift; php-ipc frees it, docs/sysvsem-sysvshm.md).
function in_child(callable $f) {
    $pid = pcntl_fork();
    if ($pid === 0) { $f(); posix_kill(getmypid(), SIGKILL); }
    pcntl_waitpid($pid, $st);
}
function tc(callable $f) { in_child(fn() => t($f)); }
pcntl_alarm(20); // a receive that would block forever kills the test (SIGALRM)
$key = ftok(__FILE__, 'u');
$q = msg_get_queue($key);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && msg_queue_exists($key)) msg_remove_queue(msg_get_queue($key)); });
function v($x) { return is_object($x) ? get_class($x) . (isset($x->n) ? "($x->n)" : "") : var_export($x, true); }
// Receives into the globals $t, $m, $e (which destructors and __wakeup print).
function recv($flags = 0, $unser = true) { global $q, $t, $m, $e; return msg_receive($q, 0, $t, 4096, $m, $unser, $flags, $e); }
function pending() { global $q; return msg_stat_queue($q)['msg_qnum']; }

class SleepThrows { public $a = 1; function __sleep() { throw new RuntimeException("sleep threw"); } }
class SerRemoves { function __serialize(): array { global $q; msg_remove_queue($q); echo "queue removed in __serialize\n"; return [1]; } function __unserialize(array $d): void {} }
class SleepBad { public $a = 1; function __sleep() { return ['a', 'nope']; } }
class NotSer { } 
class D { public $n; function __construct($n) { $this->n = $n; } function __destruct() { global $t, $m, $e; echo "destruct D($this->n): t=", v($t), " m=", v($m), " e=", v($e), "\n"; } }
class W { public $n = "w"; function __wakeup() { global $t, $m, $e; echo "wakeup: t=", v($t), " m=", v($m), " e=", v($e), "\n"; } }
class WakeThrows { function __wakeup() { throw new RuntimeException("wakeup threw"); } }
class UnserThrows { function __serialize(): array { return [1]; } function __unserialize(array $d): void { throw new RuntimeException("unserialize threw"); } }
class RemoveOnWake { function __wakeup() { global $q; echo "removing the queue in __wakeup: ", var_export(msg_remove_queue($q), true), "\n"; } }

echo "-- serializers\n";
$e = "old"; t(function () use (&$e) { global $q; return msg_send($q, 1, [new SleepThrows], true, true, $e); }); var_dump($e, pending());
$e = "old"; t(function () use (&$e) { global $q; return msg_send($q, 1, [function () {}], true, true, $e); }); var_dump($e, pending());
set_error_handler(function ($no, $str) { echo "handler: $str\n"; return true; });
$e = "old"; t(function () use (&$e) { global $q; return msg_send($q, 1, new SleepBad, true, true, $e); }); var_dump($e, pending());
set_error_handler(function ($no, $str) { throw new ErrorException("handler: $str", 0, $no); });
$e = "old"; t(function () use (&$e) { global $q; return msg_send($q, 1, new SleepBad, true, true, $e); }); var_dump($e, pending());
restore_error_handler(); restore_error_handler();
$t = $m = $e = "old"; in_child(function () { global $t, $m, $e; t(fn() => recv(MSG_IPC_NOWAIT)); var_dump($t, $m, $e); });
$t = $m = $e = "old"; t(fn() => recv(MSG_IPC_NOWAIT)); var_dump($t, $m, $e, pending());
$e = "old"; t(function () use (&$e) { global $q; return msg_send($q, 1, new SerRemoves, true, true, $e); }); var_dump($e, msg_queue_exists($key));
$q = msg_get_queue($key);

echo "-- unserializers\n";
msg_send($q, 2, [new W, "tail"]);
$t = new D("t"); $m = new D("m"); $e = new D("e");
t(fn() => recv()); var_dump(v($t), v($m[0]), v($e));
msg_send($q, 2, [new WakeThrows, "tail"]);
$t = $m = $e = "old"; t(fn() => recv()); var_dump($t, $m, $e);
msg_send($q, 2, ["x" => new UnserThrows]);
$t = $m = $e = "old"; t(fn() => recv()); var_dump($t, $m, $e);
msg_send($q, 2, [new RemoveOnWake, 5]);
$t = $m = $e = "old"; t(fn() => recv()); var_dump($t, $m, $e, msg_queue_exists($key));
$q = msg_get_queue($key);

echo "-- destructors of the out parameters' old values\n";
msg_send($q, 3, "x:bad", false);
$t = new D("t"); $m = new D("m"); $e = new D("e");
tc(fn() => recv());
$t = new D("t"); $m = new D("m"); $e = new D("e");
t(fn() => recv(MSG_IPC_NOWAIT)); var_dump($t, $m, $e);
msg_send($q, 3, "raw", false);
$t = new D("t"); $m = new D("m"); $e = new D("e");
t(fn() => recv(0, false)); var_dump($t, $m, $e);
$e = new D("e");
msg_remove_queue($q);
t(function () use (&$e) { global $q; return msg_send($q, 1, "x", true, true, $e); }); var_dump($e);
$q = msg_get_queue($key);
// A destructor that throws while msg_receive assigns: the later assignments still happen.
class DThrows { public $n; function __construct($n) { $this->n = $n; } function __destruct() { global $t, $m, $e; echo "destruct DThrows($this->n): t=", v($t), " m=", v($m), " e=", v($e), "\n"; if ($this->n === "t") throw new LogicException("from destructor $this->n"); } }
msg_send($q, 4, [new W]);
$t = new DThrows("t"); $m = new DThrows("m"); $e = new DThrows("e");
t(fn() => recv()); var_dump(v($t), is_array($m) ? v($m[0]) : v($m), v($e), pending());

echo "-- classes unknown when read\n";
in_child(function () use ($q) {
    eval('class Lazy { public $v = [1, 2]; } class Lazy2 { public $w = 3; }');
    msg_send($q, 5, [new Lazy, "y"]);
    msg_send($q, 5, ["k" => new Lazy2]);
    msg_send($q, 5, ["k" => new Lazy2]);
    msg_send($q, 5, ["k" => new Lazy2]);
    msg_send($q, 5, ["k" => new Lazy2]);
});
spl_autoload_register($al = function ($c) { echo "autoload $c\n"; if ($c === 'Lazy') eval("class $c { public \$v; }"); });
$t = $m = $e = "old"; t(fn() => recv()); var_dump($t, $m, $e);
spl_autoload_unregister($al);
spl_autoload_register($al = function ($c) { echo "autoload $c throws\n"; throw new DomainException("no $c"); });
$t = $m = $e = "old"; in_child(function () { global $t, $m, $e; t(fn() => recv()); var_dump($t, $m, $e); });
spl_autoload_unregister($al);
ini_set('unserialize_callback_func', 'no_define');
function no_define($c) { echo "callback $c\n"; }
$t = $m = $e = "old"; t(fn() => recv()); var_dump($t, $m, $e);
set_error_handler(function ($no, $str) { throw new ErrorException("handler: $str", 0, $no); });
$t = $m = $e = "old"; in_child(function () { global $t, $m, $e; t(fn() => recv()); var_dump($t, $m, $e); });
ini_set('unserialize_callback_func', 'throwing_cb');
function throwing_cb($c) { throw new DomainException("callback refuses $c"); }
$t = $m = $e = "old"; in_child(function () { global $t, $m, $e; t(fn() => recv()); var_dump($t, $m, $e); });
restore_error_handler();
ini_restore('unserialize_callback_func');

echo "-- msg_* warnings with a throwing error handler\n";
set_error_handler(function ($no, $str) { @file_get_contents('/nonexistent/x'); throw new ErrorException("handler: $str", 0, $no); });
msg_send($q, 6, "bad", false);
$t = $m = $e = "old"; tc(fn() => recv()); var_dump($t, $m, $e);
$e = "old"; t(function () use (&$e) { global $q; return msg_send($q, -1, "x", true, true, $e); }); var_dump($e);
t(fn() => msg_set_queue($q, ['msg_qbytes' => 1 << 40]));
t(fn() => msg_get_queue($key, 0));
msg_remove_queue($q);
$e = "old"; t(function () use (&$e) { global $q; return msg_send($q, 1, "x", true, true, $e); }); var_dump($e);
set_error_handler(function ($no, $str) { echo "handler: $str\n"; @file_get_contents('/nonexistent/x'); return true; });
$e = "old"; t(function () use (&$e) { global $q; return msg_send($q, 1, "x", true, true, $e); }); var_dump($e);
restore_error_handler(); restore_error_handler();

echo "-- sends and receives from user code run by a send or a receive\n";
$q = msg_get_queue($key);
class Nest { public $a = 1; function __sleep() { global $q; echo "nested sends: "; var_dump(msg_send($q, 9, "inner"), msg_send($q, 9, [1, 2.5]), msg_send($q, 9, 7, false)); return ['a']; } }
t(fn() => msg_send($q, 1, [new Nest]));
for ($i = 0; $i < 4; $i++) { var_dump(msg_receive($q, 0, $t, 1000, $m, $i !== 2), $t, $m); }
class Wk { function __wakeup() { global $q; echo "nested receive: "; msg_send($q, 4, "x"); var_dump(msg_receive($q, 0, $t2, 1000, $m2), $m2); } }
msg_send($q, 3, [new Wk]);
t(fn() => recv()); var_dump($t, is_array($m));
echo "-- a destructor run by msg_receive's assignment switches fibers as native (PHP 8.4 allows it, 8.2 throws)\n";
class FD { function __destruct() { echo "destruct FD in a fiber: ", Fiber::getCurrent() ? "yes" : "no", "\n"; try { Fiber::suspend(1); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } } }
$f = new Fiber(function () use ($q) { $tt = new FD; msg_send($q, 1, "x"); var_dump(msg_receive($q, 0, $tt, 100, $mm), $tt, $mm); echo "after receive\n"; });
var_dump($f->start());
if ($f->isSuspended()) {
    // the fiber is suspended inside msg_receive: another receive meanwhile
    msg_send($q, 2, "main"); var_dump(msg_receive($q, 0, $t3, 100, $m3), $t3, $m3);
    echo "resume\n"; var_dump($f->resume(), $f->isTerminated());
}
msg_remove_queue($q);
echo "done\n";
