<?php
// User code run inside shm_put_var()/shm_get_var(): serializers and
// unserializers that detach the segment, throw, warn; autoloaders,
// unserialize_callback_func, destructors. Native's texts, values, chained
// exceptions and segment contents afterwards. (An autoloader or
// Serializable::unserialize detaching during shm_get_var crashes native:
// that case is php-tests/sysvshm/shm_user_code_detaches.phpt, ours alone.)
function t(callable $f) {
    try { var_dump($f()); } catch (Throwable $e) {
        for ($x = $e; $x; $x = $x->getPrevious()) echo $x === $e ? "" : "  previous: ", get_class($x), ": ", $x->getMessage(), "\n";
    }
}
$K = ftok(__FILE__, 'u');
register_shutdown_function(function () use ($K) { if ($s = @shm_attach($K, 1)) shm_remove($s); });
$GLOBALS['victim'] = $s = shm_attach($K, 20000);
function fresh() { global $K; return $GLOBALS['victim'] = shm_attach($K); }
// Reads in a forked child: a value cut short by a throwing serializer fails
// to unserialize, and native leaks the partial value (its objects stay
// allocated, shifting later object ids; php-ipc frees it, docs/sysvsem-sysvshm.md).
function show($k) { global $K; in_child(function () use ($K, $k) { $s = shm_attach($K); t(fn() => shm_has_var($s, $k) ? shm_get_var($s, $k) : "no var $k"); }); }
// t() in a forked child, for reads that fail (see show()).
function tc(callable $f) { in_child(fn() => t($f)); }
function in_child(callable $f) {
    $pid = pcntl_fork();
    if ($pid === 0) { $f(); posix_kill(getmypid(), SIGKILL); }
    pcntl_waitpid($pid, $st);
}

class Sleepy { public $a = 1; function __sleep() { shm_detach($GLOBALS['victim']); return ['a']; } }
class Ser { public $a = 1; function __serialize(): array { shm_detach($GLOBALS['victim']); return ['a' => 1]; } }
class OldSer implements Serializable {
    function serialize() { shm_detach($GLOBALS['victim']); return "x"; }
    function unserialize($d) { echo "OldSer::unserialize($d)\n"; }
}
class SleepThrows { public $a = 1; function __sleep() { throw new RuntimeException("sleep threw"); } }
class SleepThrowsDetached { function __sleep() { shm_detach($GLOBALS['victim']); throw new RuntimeException("sleep threw after detach"); } }
class SerThrows { function __serialize(): array { throw new LogicException("serialize threw"); } }
class SleepBad { public $a = 1; function __sleep() { return ['a', 'nope']; } }
class SleepNotArray { function __sleep() { return 5; } }
class WakeThrows { public $a = 1; function __wakeup() { throw new RuntimeException("wakeup threw"); } }
class UnserThrows { public $a = 1; function __serialize(): array { return [1]; } function __unserialize(array $d): void { throw new RuntimeException("unserialize threw"); } }
class UnserDetaches { function __serialize(): array { return [1]; } function __unserialize(array $d): void { shm_detach($GLOBALS['victim']); echo "detached in __unserialize\n"; } }
class WakeDetaches { public $a = 1; function __wakeup() { shm_detach($GLOBALS['victim']); echo "detached in __wakeup\n"; } }
class Noisy { public $n; function __construct($n) { $this->n = $n; } function __destruct() { echo "destruct Noisy($this->n)\n"; } function __wakeup() { echo "wakeup Noisy($this->n)\n"; } }

echo "-- serializers that detach\n";
t(fn() => shm_put_var($s, 1, [1, new Sleepy, str_repeat("x", 100)]));
t(fn() => shm_put_var($s, 1, 5));
$s = fresh(); t(fn() => shm_put_var($s, 1, new Ser));
$s = fresh(); t(fn() => shm_put_var($s, 1, [new OldSer]));
$s = fresh(); t(fn() => shm_put_var($s, 1, new SleepThrowsDetached));
show(1);

echo "-- serializers that throw (segment kept)\n";
$s = fresh();
t(fn() => shm_put_var($s, 2, ["a", new SleepThrows, "b"])); show(2);
t(fn() => shm_put_var($s, 3, [new SerThrows])); show(3);

echo "-- serializer warnings\n";
set_error_handler(function ($no, $str) { echo "handler [$no] $str\n"; return true; });
t(fn() => shm_put_var($s, 4, new SleepBad)); show(4);
t(fn() => shm_put_var($s, 5, new SleepNotArray)); show(5);
echo "-- the same warnings with a throwing handler\n";
set_error_handler(function ($no, $str) { throw new ErrorException("handler: $str", 0, $no); });
$s = fresh();
t(fn() => shm_put_var($s, 6, [new SleepBad, new SleepBad])); show(6);
t(fn() => shm_put_var($s, 7, new SleepNotArray)); show(7);
restore_error_handler(); restore_error_handler();

echo "-- unserializers\n";
$s = fresh();
shm_put_var($s, 10, [new WakeThrows, "tail"]);
t(fn() => shm_get_var($s, 10));
shm_put_var($s, 11, ["x" => new UnserThrows]);
t(fn() => shm_get_var($s, 11));
shm_put_var($s, 12, [new UnserDetaches, "tail"]);
t(fn() => shm_get_var($s, 12));
t(fn() => shm_get_var($s, 12));
$s = fresh();
shm_put_var($s, 13, [new WakeDetaches, "tail"]);
t(fn() => shm_get_var($s, 13));
t(fn() => shm_has_var($s, 13));
$s = fresh();
class OldUnser implements Serializable {
    function serialize() { return "payload"; }
    function unserialize($d) { echo "OldUnser::unserialize($d)\n"; throw new RuntimeException("old unserialize threw"); }
}
shm_put_var($s, 14, ["a" => new OldUnser, "b" => new OldUnser]);
tc(fn() => shm_get_var($s, 14));

echo "-- destructors and wakeups of values read\n";
shm_put_var($s, 15, [new Noisy(1), new Noisy(2)]);
t(fn() => count(shm_get_var($s, 15)));
echo "-- classes unknown when read: autoloader, unserialize_callback_func\n";
// A forked child defines the classes and stores them; this process never declares them.
in_child(function () use ($K) {
    eval('class Lazy { public $v = [1, 2]; } class Lazy2 { public $w = 3; } class Lazy3 {} class Lazy4 {}');
    $s = shm_attach($K);
    shm_put_var($s, 20, [new Lazy, str_repeat('y', 50)]);
    shm_put_var($s, 21, ['k' => new Lazy2]);
    shm_put_var($s, 22, new Lazy3);
    shm_put_var($s, 23, [new Lazy4, new Lazy4]);
});
$s = fresh();
t(fn() => shm_get_var($s, 20));               // no autoloader: __PHP_Incomplete_Class
spl_autoload_register($al = function ($c) { echo "autoload $c\n"; if ($c === 'Lazy') eval("class $c { public \$v; }"); });
t(fn() => shm_get_var($s, 20));
t(fn() => shm_get_var($s, 21));               // autoloader does not define it
spl_autoload_unregister($al);
spl_autoload_register($al = function ($c) { echo "autoload $c throws\n"; throw new DomainException("no $c"); });
tc(fn() => shm_get_var($s, 21));
tc(fn() => shm_get_var($s, 23));
spl_autoload_unregister($al);
ini_set('unserialize_callback_func', 'define_it');
function define_it($c) { echo "callback $c\n"; if ($c === 'Lazy2') eval("class $c { public \$w; }"); }
t(fn() => shm_get_var($s, 21));
t(fn() => shm_get_var($s, 22));               // callback does not define it: warning
ini_set('unserialize_callback_func', 'no_such_function');
tc(fn() => shm_get_var($s, 22));
ini_set('unserialize_callback_func', 'throwing_callback');
function throwing_callback($c) { throw new DomainException("callback refuses $c"); }
tc(fn() => shm_get_var($s, 22));
tc(fn() => shm_get_var($s, 23));
echo "-- the callback's warnings with a throwing error handler\n";
set_error_handler(function ($no, $str) { throw new ErrorException("handler: $str", 0, $no); });
ini_set('unserialize_callback_func', 'define_it');
tc(fn() => shm_get_var($s, 23));
ini_set('unserialize_callback_func', 'no_such_function');
tc(fn() => shm_get_var($s, 23));
restore_error_handler();
echo "-- warnings of shm_* with a throwing error handler\n";
set_error_handler(function ($no, $str) { throw new ErrorException("handler: $str", 0, $no); });
t(fn() => shm_get_var($s, 999));
t(fn() => shm_remove_var($s, 999));
t(fn() => shm_put_var($s, 30, str_repeat("z", 30000)));
t(fn() => shm_attach(0x7fffffff, 10));
t(fn() => shm_attach($K, 10));
restore_error_handler();
echo "-- unserialize_max_depth applies to values read (arrays too)\n";
$s = fresh();
$nested = [1, [2, [3, [4]]]];
shm_put_var($s, 40, $nested);
foreach ([0, 1, 2, 3, 4, 5] as $d) {
    ini_set('unserialize_max_depth', $d);
    echo "max depth $d: "; tc(fn() => json_encode(shm_get_var($s, 40)));
}
ini_restore('unserialize_max_depth');
echo "done\n";
