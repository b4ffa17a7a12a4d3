--TEST--
sem_acquire()/sem_release(): non-blocking, counting, double release, errors
--EXTENSIONS--
sysvsem
--FILE--
<?php
$k = ftok(__FILE__, 'a');
$s = sem_get($k, 2);
try {
    var_dump(sem_acquire($s), sem_acquire($s, true), sem_acquire($s, true));
    var_dump(sem_release($s), sem_release($s));
    var_dump(sem_release($s));                   // not acquired any more
    var_dump(sem_acquire($s, "1"), sem_release($s));
    try { sem_acquire($s, []); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
    try { sem_acquire("x"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
    try { sem_release(new stdClass); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
    try { sem_release($s, 1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
    try { sem_acquire(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
} finally {
    sem_remove($s);
}
// After removal: the kernel's EINVAL, as native.
var_dump(sem_acquire($s, true), sem_release($s));
?>
--EXPECTF--
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)

Warning: sem_release(): SysV semaphore for key 0x%x is not currently acquired in %s on line %d
bool(false)
bool(true)
bool(true)
sem_acquire(): Argument #2 ($non_blocking) must be of type bool, array given
sem_acquire(): Argument #1 ($semaphore) must be of type SysvSemaphore, string given
sem_release(): Argument #1 ($semaphore) must be of type SysvSemaphore, stdClass given
sem_release() expects exactly 1 argument, 2 given
sem_acquire() expects at least 1 argument, 0 given

Warning: sem_acquire(): Failed to acquire key 0x%x: Invalid argument in %s on line %d

Warning: sem_release(): Failed to release key 0x%x: Invalid argument in %s on line %d
bool(false)
bool(false)
