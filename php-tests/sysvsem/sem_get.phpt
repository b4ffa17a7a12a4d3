--TEST--
sem_get(): creation, reuse, max_acquire set by the only user, argument errors
--EXTENSIONS--
sysvsem
--FILE--
<?php
$k = ftok(__FILE__, 'g');
$s = sem_get($k);
try {
    var_dump($s);
    var_dump(sem_get($k) instanceof SysvSemaphore);
    // Still used by $s: a second sem_get does not change max_acquire (1).
    $t = sem_get($k, 5);
    var_dump(sem_acquire($t, true), sem_acquire($t, true));
    sem_release($t);
    // max_acquire beyond SEMVMX: the kernel refuses SETVAL, the object is still returned.
    $k2 = ftok(__FILE__, 'h');
    $u = sem_get($k2, 40000);
    var_dump($u instanceof SysvSemaphore, sem_acquire($u, true));
    sem_remove($u);
    foreach ([[], "abc", new stdClass] as $bad) {
        try { sem_get($bad); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
    }
    try { sem_get(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
    try { sem_get($k, 1, 0666, true, 1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
    try { sem_get($k, "x"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
    var_dump(sem_get("$k") instanceof SysvSemaphore);
} finally {
    sem_remove($s);
}
?>
--EXPECTF--
object(SysvSemaphore)#%d (0) {
}
bool(true)
bool(true)
bool(false)

Warning: sem_get(): Failed for key 0x%x: Numerical result out of range in %s on line %d
bool(true)
bool(false)
sem_get(): Argument #1 ($key) must be of type int, array given
sem_get(): Argument #1 ($key) must be of type int, string given
sem_get(): Argument #1 ($key) must be of type int, stdClass given
sem_get() expects at least 1 argument, 0 given
sem_get() expects at most 4 arguments, 5 given
sem_get(): Argument #2 ($max_acquire) must be of type int, string given
bool(true)
