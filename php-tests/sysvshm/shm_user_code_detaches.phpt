--TEST--
User code run by the serializer or unserializer detaches the segment: native's Error for serializers; no access to unmapped memory while parsing (native PHP 8.2.36 segfaults in the autoloader, Serializable::unserialize and unserialize_callback_func cases)
--EXTENSIONS--
sysvshm
--FILE--
<?php
$k = ftok(__FILE__, 'u');
$s = shm_attach($k, 10000);
$GLOBALS['victim'] = $s;
class Sleepy { public $a = 1; function __sleep() { shm_detach($GLOBALS['victim']); return ['a']; } }
class Wakey { public $a = 1; function __wakeup() { shm_detach($GLOBALS['victim']); } }
class OldU implements Serializable {
    function serialize() { return str_repeat("p", 3000); }
    function unserialize($d) { shm_detach($GLOBALS['victim']); echo "detached in unserialize(", strlen($d), ")\n"; }
}
try {
    echo "__sleep detaches during shm_put_var:\n";
    try { var_dump(shm_put_var($s, 1, [1, new Sleepy, str_repeat("x", 100)])); } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }

    echo "__wakeup detaches during shm_get_var:\n";
    $s = $GLOBALS['victim'] = shm_attach($k);
    shm_put_var($s, 2, [new Wakey, "tail"]);
    var_dump(shm_get_var($s, 2));
    try { shm_get_var($s, 2); } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }

    echo "an autoloader detaches while the value is being parsed:\n";
    $s = $GLOBALS['victim'] = shm_attach($k);
    $cmd = escapeshellarg(PHP_BINARY) . ' ' . getenv('TEST_PHP_EXTRA_ARGS') . ' -r ';
    echo shell_exec($cmd . escapeshellarg("class Lazy { public \$v = [1, 2]; } var_dump(shm_put_var(shm_attach($k), 3, [new Lazy, str_repeat('y', 5000)]));"));
    spl_autoload_register($loader = function ($c) { shm_detach($GLOBALS['victim']); eval("class $c { public \$v; }"); });
    $v = shm_get_var($s, 3);
    var_dump(get_class($v[0]), $v[0]->v, strlen($v[1]));

    echo "Serializable::unserialize detaches while the value is being parsed:\n";
    $s = $GLOBALS['victim'] = shm_attach($k);
    shm_remove_var($s, 3);
    shm_put_var($s, 4, [new OldU, str_repeat('y', 3000)]);
    $v = shm_get_var($s, 4);
    var_dump(get_class($v[0]), strlen($v[1]));

    echo "unserialize_callback_func detaches while the value is being parsed:\n";
    $s = $GLOBALS['victim'] = shm_attach($k);
    shm_remove_var($s, 4);
    echo shell_exec($cmd . escapeshellarg("class Later { public \$v = 7; } var_dump(shm_put_var(shm_attach($k), 5, [new Later, str_repeat('z', 3000)]));"));
    spl_autoload_unregister($loader);
    ini_set('unserialize_callback_func', 'detach_it');
    function detach_it($c) { shm_detach($GLOBALS['victim']); echo "callback for $c detached\n"; }
    $v = shm_get_var($s, 5);
    var_dump(get_class($v[0]), strlen($v[1]));
} finally {
    $r = shm_attach($k); shm_remove($r);
}
?>
--EXPECTF--

Deprecated: OldU implements the Serializable interface, which is deprecated. Implement __serialize() and __unserialize() instead (or in addition, if support for old PHP versions is necessary) in %s on line 7
__sleep detaches during shm_put_var:
Error: Shared memory block has been destroyed by the serialization function
__wakeup detaches during shm_get_var:
array(2) {
  [0]=>
  object(Wakey)#5 (1) {
    ["a"]=>
    int(1)
  }
  [1]=>
  string(4) "tail"
}
Error: Shared memory block has already been destroyed
an autoloader detaches while the value is being parsed:
bool(true)
string(4) "Lazy"
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(2)
}
int(5000)
Serializable::unserialize detaches while the value is being parsed:
detached in unserialize(3000)
string(4) "OldU"
int(3000)
unserialize_callback_func detaches while the value is being parsed:
bool(true)
callback for Later detached

Warning: shm_get_var(): Function detach_it() hasn't defined the class it was called for in %s on line 43
string(22) "__PHP_Incomplete_Class"
int(3000)
