--TEST--
User code run by the serializer or unserializer detaches the segment: no access to unmapped memory (native crashes)
--EXTENSIONS--
sysvshm
--FILE--
<?php
$k = ftok(__FILE__, 'u');
$s = shm_attach($k, 10000);
$GLOBALS['victim'] = $s;
class Sleepy { public $a = 1; function __sleep() { shm_detach($GLOBALS['victim']); return ['a']; } }
class Wakey { public $a = 1; function __wakeup() { shm_detach($GLOBALS['victim']); } }
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
    spl_autoload_register(function ($c) { shm_detach($GLOBALS['victim']); eval("class $c { public \$v; }"); });
    $v = shm_get_var($s, 3);
    var_dump(get_class($v[0]), $v[0]->v, strlen($v[1]));
} finally {
    $r = shm_attach($k); shm_remove($r);
}
?>
--EXPECT--
__sleep detaches during shm_put_var:
Error: Shared memory block has already been destroyed
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
