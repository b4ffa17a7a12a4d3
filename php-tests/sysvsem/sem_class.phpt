--TEST--
SysvSemaphore: final, not constructible, not cloneable, not serializable, no dynamic properties
--EXTENSIONS--
sysvsem
--FILE--
<?php
$s = sem_get(ftok(__FILE__, 'c'));
$tries = [
    fn() => new SysvSemaphore,
    fn() => clone $s,
    fn() => serialize($s),
    fn() => unserialize('O:13:"SysvSemaphore":0:{}'),
    function () use ($s) { $s->prop = 1; },
    fn() => $s < $s,
];
foreach ($tries as $f) {
    try { $f(); echo "no exception\n"; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
$rc = new ReflectionClass($s);
var_dump($rc->isFinal(), $rc->getConstructor(), $rc->getMethods(), $rc->getExtensionName());
var_dump($s == $s, (array)$s);
sem_remove($s);
?>
--EXPECT--
Error: Cannot directly construct SysvSemaphore, use sem_get() instead
Error: Trying to clone an uncloneable object of class SysvSemaphore
Exception: Serialization of 'SysvSemaphore' is not allowed
Exception: Unserialization of 'SysvSemaphore' is not allowed
Error: Cannot create dynamic property SysvSemaphore::$prop
no exception
bool(true)
NULL
array(0) {
}
string(7) "sysvsem"
bool(true)
array(0) {
}
