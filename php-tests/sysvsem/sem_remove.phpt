--TEST--
sem_remove(): removes the set once; then "does not (any longer) exist"
--EXTENSIONS--
sysvsem
--FILE--
<?php
$k = ftok(__FILE__, 'r');
$s = sem_get($k);
$t = sem_get($k);
var_dump(sem_acquire($s));
var_dump(sem_remove($t));
var_dump(sem_remove($t));
var_dump(sem_remove($s));
// $s still counts one acquisition: freeing it must not touch a removed set.
unset($s, $t);
$n = sem_get($k);                 // a new set under the same key
var_dump(sem_acquire($n, true));
var_dump(sem_remove($n));
try { sem_remove(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { sem_remove(null); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECTF--
bool(true)
bool(true)

Warning: sem_remove(): SysV semaphore for key 0x%x does not (any longer) exist in %s on line %d
bool(false)

Warning: sem_remove(): SysV semaphore for key 0x%x does not (any longer) exist in %s on line %d
bool(false)
bool(true)
bool(true)
sem_remove() expects exactly 1 argument, 0 given
sem_remove(): Argument #1 ($semaphore) must be of type SysvSemaphore, null given
