<?php
// shm_* functions: values, warnings, exceptions, sizes.
set_error_handler(function ($no, $str) {
    if (!(error_reporting() & $no)) return true;
    echo "[$no] ", preg_replace('/0x[0-9a-f]+/', '<KEY>', $str), "\n";
    return true;
});
function t(callable $f) {
    try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
$K = ftok(__FILE__, 'a');
$keys = [$K, ftok(__FILE__, 'b'), ftok(__FILE__, 'c'), ftok(__FILE__, 'd')];
register_shutdown_function(function () use ($keys) {
    foreach ($keys as $k) if ($s = @shm_attach($k, 1)) shm_remove($s);
});

class P { public $a = 1; protected $b = [1, 2]; private $c = "x"; public ?P $self = null; }
class S implements Serializable {
    public $v = 5;
    function serialize() { return "v=$this->v"; }
    function unserialize($d) { $this->v = (int)substr($d, 2); }
}
class M { public $x = 1; function __serialize(): array { return ['y' => $this->x + 1]; } function __unserialize(array $d): void { $this->x = $d['y'] * 10; } }
class W { public $a = 1; public $b = 2; function __sleep() { return ['a']; } function __wakeup() { echo "wakeup\n"; } }
enum E: string { case A = 'a'; }

$s = shm_attach($K, 4096);
var_dump($s);
$p = new P; $p->self = $p;
$arr = [1, "two" => 2.5, [true, null], "s" => "x\0y"]; $arr['ref'] = &$arr[0];
$values = [0, -1, PHP_INT_MAX, PHP_INT_MIN, 1.5, -0.0, NAN, INF, 1e100, 0.1, true, false, null, "", "abc", "a\"b\0c",
    str_repeat("é", 100), [], $arr, $p, new S, new M, new W, E::A, new ArrayObject([1, 2]), new DateTime('2020-01-02 03:04:05 UTC')];
foreach ($values as $i => $v) {
    echo "-- $i\n";
    t(fn() => shm_put_var($s, $i, $v));
    t(fn() => shm_has_var($s, $i));
    t(fn() => shm_get_var($s, $i));
}
// Overwrites, removals, missing keys, negative keys.
t(fn() => shm_put_var($s, 1, "replaced"));
t(fn() => shm_get_var($s, 1));
t(fn() => shm_remove_var($s, 1));
t(fn() => shm_has_var($s, 1));
t(fn() => shm_get_var($s, 1));
t(fn() => shm_remove_var($s, 1));
t(fn() => shm_put_var($s, -7, "neg"));
t(fn() => shm_get_var($s, -7));
t(fn() => shm_get_var($s, PHP_INT_MAX - 1));
t(fn() => shm_has_var($s, "12"));
t(fn() => shm_get_var($s, "12abc"));
t(fn() => shm_get_var($s, 3.0));
t(fn() => shm_get_var($s, 3.5));
t(fn() => shm_put_var($s, null, 1));

// A serializer that throws: native stores what was written so far.
class T { function __serialize(): array { throw new Exception("boom"); } }
t(fn() => shm_put_var($s, 100, new T));
t(fn() => shm_has_var($s, 100));
t(fn() => shm_get_var($s, 100));
class U { public $x; function __construct() { $this->x = [1, new T]; } }
t(fn() => shm_put_var($s, 101, new U));
t(fn() => shm_get_var($s, 101));
t(fn() => shm_put_var($s, 102, function () {}));
t(fn() => shm_has_var($s, 102));

// A full segment: the old value is gone when the new one does not fit.
$K2 = $keys[1];
$f = shm_attach($K2, 200);
t(fn() => shm_put_var($f, 1, str_repeat("x", 100)));
t(fn() => shm_put_var($f, 2, str_repeat("x", 100)));
t(fn() => shm_put_var($f, 1, str_repeat("y", 140)));
t(fn() => shm_has_var($f, 1));
t(fn() => shm_put_var($f, 1, str_repeat("y", 120)));
t(fn() => shm_put_var($f, 3, ""));
t(fn() => shm_put_var($f, 3, null));
// Attaching to the existing segment with another size keeps its size.
$f2 = shm_attach($K2, 100000);
t(fn() => shm_get_var($f2, 1) === str_repeat("y", 120));
t(fn() => shm_put_var($f2, 5, str_repeat("z", 1000)));
t(fn() => shm_attach($K2, 1) !== false);
t(fn() => shm_attach($K2, 0));

// Sizes.
$K3 = $keys[2];
t(fn() => shm_attach($K3, 39));
t(fn() => shm_attach($K3, 1));
t(fn() => shm_attach($K3, -1));
t(fn() => shm_attach($K3, PHP_INT_MAX));
$g = shm_attach($K3, 40);
t(fn() => shm_put_var($g, 1, 1));
t(fn() => shm_has_var($g, 1));
t(fn() => shm_remove($g));
$g = shm_attach($K3, 72);
t(fn() => shm_put_var($g, 1, 1234567));
t(fn() => shm_put_var($g, 2, 1));
t(fn() => shm_get_var($g, 1));
t(fn() => shm_remove($g));
$g = shm_attach($K3, null);
t(fn() => shm_put_var($g, 1, str_repeat("a", 9900)));
t(fn() => shm_put_var($g, 1, str_repeat("a", 9901)));
t(fn() => shm_remove($g));
t(fn() => shm_attach($K3, 4096, 0400) !== false);
t(function () use ($K3) { $x = shm_attach($K3); shm_remove($x); return true; });

// Use after shm_remove (still attached) and after shm_detach.
$K4 = $keys[3];
$d = shm_attach($K4, 1000);
t(fn() => shm_put_var($d, 1, "alive"));
t(fn() => shm_remove($d));
t(fn() => shm_remove($d));
t(fn() => shm_get_var($d, 1));
t(fn() => shm_put_var($d, 2, 2));
t(fn() => shm_detach($d));
t(fn() => shm_detach($d));
t(fn() => shm_remove($d));
t(fn() => shm_put_var($d, 1, 1));
t(fn() => shm_get_var($d, 1));
t(fn() => shm_has_var($d, 1));
t(fn() => shm_remove_var($d, 1));
$d2 = shm_attach($K4, 1000);       // a new segment under the key
t(fn() => shm_has_var($d2, 1));
t(fn() => shm_remove($d2));

// Argument errors.
t(fn() => shm_attach());
t(fn() => shm_attach(1, 2, 3, 4));
t(fn() => shm_attach("k"));
t(fn() => shm_attach($K, "x"));
t(fn() => shm_attach($K, 100, "x"));
t(fn() => shm_detach());
t(fn() => shm_detach($K));
t(fn() => shm_detach(new stdClass));
t(fn() => shm_put_var($s, 1));
t(fn() => shm_put_var($s, "x", 1));
t(fn() => shm_put_var(null, 1, 1));
t(fn() => shm_put_var($s, 1, 1, 1));
t(fn() => shm_get_var($s));
t(fn() => shm_get_var($s, []));
t(fn() => shm_has_var($s, new stdClass));
t(fn() => shm_remove_var($s, "a"));
t(fn() => shm_remove_var($s));
t(fn() => shm_remove());
t(fn() => shm_remove([]));

// The class.
t(fn() => new SysvSharedMemory);
t(fn() => clone $s);
t(fn() => serialize($s));
t(fn() => unserialize('O:16:"SysvSharedMemory":0:{}'));
t(function () use ($s) { $s->x = 1; });
t(fn() => $s == $s);
t(fn() => $s == $f);
t(fn() => $s <=> $s);
t(fn() => (array)$s);
t(fn() => shm_put_var($s, 200, $s));
t(fn() => shm_put_var($s, 201, [$s]));
t(fn() => shm_has_var($s, 200));
$rc = new ReflectionClass('SysvSharedMemory');
t(fn() => [$rc->isFinal(), $rc->isCloneable(), $rc->getConstructor(), $rc->getModifiers()]);
t(fn() => [extension_loaded('sysvshm'), phpversion('sysvshm') === PHP_VERSION, ini_get('sysvshm.init_mem')]);
t(fn() => shm_remove($s));
t(fn() => shm_remove($f));
echo "done\n";
