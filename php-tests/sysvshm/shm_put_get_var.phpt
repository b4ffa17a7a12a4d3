--TEST--
shm_put_var()/shm_get_var()/shm_has_var(): every kind of value, overwrite, missing keys, errors
--EXTENSIONS--
sysvshm
--FILE--
<?php
class Pt { public $x = 1; protected $y = [2]; private $z = "3"; }
class Ser { public $n = 1; function __serialize(): array { return ['n' => $this->n * 2]; } function __unserialize(array $d): void { $this->n = $d['n'] + 1; } }
$k = ftok(__FILE__, 'p');
$s = shm_attach($k, 20000);
try {
    $vals = [7, -7, PHP_INT_MAX, PHP_INT_MIN, 0.5, true, false, null, "", "str\0ing", str_repeat("k", 1024),
             range(1, 100), ["a" => ["b" => [1.5, null]]], new Pt, new Ser];
    foreach ($vals as $i => $v) {
        $ok = shm_put_var($s, $i, $v);
        $back = shm_get_var($s, $i);
        echo $i, ": ", var_export($ok && shm_has_var($s, $i), true), " ", var_export($back == $v || (is_object($v) && get_class($back) === get_class($v)), true), "\n";
    }
    var_dump(shm_get_var($s, 14));
    var_dump(shm_put_var($s, 1, "over"), shm_get_var($s, 1));
    var_dump(shm_has_var($s, 99), shm_get_var($s, 99));
    var_dump(shm_has_var($s, "3"));
    foreach ([fn() => shm_get_var($s), fn() => shm_get_var($s, "x"), fn() => shm_put_var($s, 1), fn() => shm_put_var($s, [], 1),
              fn() => shm_has_var("s", 1), fn() => shm_put_var($s, 5, function () {})] as $f) {
        try { $f(); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
    }
} finally {
    shm_remove($s);
}
?>
--EXPECTF--
0: true true
1: true true
2: true true
3: true true
4: true true
5: true true
6: true true
7: true true
8: true true
9: true true
10: true true
11: true true
12: true true
13: true true
14: true true
object(Ser)#%d (1) {
  ["n"]=>
  int(3)
}
bool(true)
string(4) "over"

Warning: shm_get_var(): Variable key 99 doesn't exist in %s on line %d
bool(false)
bool(false)
bool(true)
ArgumentCountError: shm_get_var() expects exactly 2 arguments, 1 given
TypeError: shm_get_var(): Argument #2 ($key) must be of type int, string given
ArgumentCountError: shm_put_var() expects exactly 3 arguments, 2 given
TypeError: shm_put_var(): Argument #2 ($key) must be of type int, array given
TypeError: shm_has_var(): Argument #1 ($shm) must be of type SysvSharedMemory, string given
Exception: Serialization of 'Closure' is not allowed
