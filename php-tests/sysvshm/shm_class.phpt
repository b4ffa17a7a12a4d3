--TEST--
SysvSharedMemory: final, not constructible, not cloneable, not serializable
--EXTENSIONS--
sysvshm
--FILE--
<?php
$s = shm_attach(ftok(__FILE__, 'c'), 100);
foreach ([fn() => new SysvSharedMemory, fn() => clone $s, fn() => serialize($s), fn() => shm_put_var($s, 1, $s),
          function () use ($s) { $s->p = 1; }] as $f) {
    try { $f(); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
$rc = new ReflectionClass($s);
var_dump($rc->isFinal(), $rc->getConstructor(), $rc->getExtensionName());
shm_remove($s);
?>
--EXPECT--
Error: Cannot directly construct SysvSharedMemory, use shm_attach() instead
Error: Trying to clone an uncloneable object of class SysvSharedMemory
Exception: Serialization of 'SysvSharedMemory' is not allowed
Exception: Serialization of 'SysvSharedMemory' is not allowed
Error: Cannot create dynamic property SysvSharedMemory::$p
bool(true)
NULL
string(7) "sysvshm"
