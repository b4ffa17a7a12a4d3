--TEST--
Ipc\sem_acquire_timeout: results, counts, auto_release, bad input, removed semaphore
--EXTENSIONS--
sysvsem
--FILE--
<?php
function t($f) { try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
$k = ftok(__FILE__, 's');
$s = sem_get($k, 2);
echo "-- two of two, then none left\n";
var_dump(Ipc\sem_acquire_timeout($s, 0), Ipc\sem_acquire_timeout($s, 0.05), Ipc\sem_acquire_timeout($s, 0));
var_dump(Ipc\sem_acquire_timeout($s, 0.05));
echo "-- counted like sem_acquire: two releases succeed, the third warns\n";
var_dump(sem_release($s), sem_release($s));
var_dump(sem_release($s));
echo "-- auto_release gives back timed acquisitions when the object is freed\n";
$o = sem_get($k, 2);
var_dump(Ipc\sem_acquire_timeout($o, 1), Ipc\sem_acquire_timeout($o, 1));
unset($o);
var_dump(Ipc\sem_acquire_timeout($s, 0), sem_release($s));
echo "-- bad input\n";
t(fn() => Ipc\sem_acquire_timeout($s, -0.001));
t(fn() => Ipc\sem_acquire_timeout($s, -INF));
t(fn() => Ipc\sem_acquire_timeout($s, INF));
t(fn() => Ipc\sem_acquire_timeout($s, NAN));
t(fn() => Ipc\sem_acquire_timeout($s, "1") && sem_release($s));
t(fn() => Ipc\sem_acquire_timeout($s, "soon"));
t(fn() => Ipc\sem_acquire_timeout($s, null) && sem_release($s));
t(fn() => Ipc\sem_acquire_timeout($s));
t(fn() => Ipc\sem_acquire_timeout($s, 1, 2));
t(fn() => Ipc\sem_acquire_timeout(msg_get_queue($k), 1));
t(fn() => Ipc\sem_acquire_timeout(null, 1));
t(fn() => Ipc\sem_acquire_timeout($s, 1e300) && sem_release($s));
t(fn() => Ipc\sem_acquire_timeout($s, PHP_INT_MAX) && sem_release($s));
msg_remove_queue(msg_get_queue($k));
echo "-- an int is accepted for the float\n";
t(fn() => Ipc\sem_acquire_timeout($s, 0) && sem_release($s));
echo "-- removed semaphore: native's warning\n";
var_dump(sem_remove($s));
t(fn() => Ipc\sem_acquire_timeout($s, 0.1));
t(fn() => Ipc\sem_acquire_timeout($s, 0));
?>
--EXPECTF--
-- two of two, then none left
bool(true)
bool(true)
bool(false)
bool(false)
-- counted like sem_acquire: two releases succeed, the third warns
bool(true)
bool(true)

Warning: sem_release(): SysV semaphore for key 0x%x is not currently acquired in %s on line %d
bool(false)
-- auto_release gives back timed acquisitions when the object is freed
bool(true)
bool(true)
bool(true)
bool(true)
-- bad input
ValueError: Ipc\sem_acquire_timeout(): Argument #2 ($timeout) must be greater than or equal to 0
ValueError: Ipc\sem_acquire_timeout(): Argument #2 ($timeout) must be a finite number
ValueError: Ipc\sem_acquire_timeout(): Argument #2 ($timeout) must be a finite number
ValueError: Ipc\sem_acquire_timeout(): Argument #2 ($timeout) must be a finite number
bool(true)
TypeError: Ipc\sem_acquire_timeout(): Argument #2 ($timeout) must be of type float, string given

Deprecated: Ipc\sem_acquire_timeout(): Passing null to parameter #2 ($timeout) of type float is deprecated in %s on line %d
bool(true)
ArgumentCountError: Ipc\sem_acquire_timeout() expects exactly 2 arguments, 1 given
ArgumentCountError: Ipc\sem_acquire_timeout() expects exactly 2 arguments, 3 given
TypeError: Ipc\sem_acquire_timeout(): Argument #1 ($semaphore) must be of type SysvSemaphore, SysvMessageQueue given
TypeError: Ipc\sem_acquire_timeout(): Argument #1 ($semaphore) must be of type SysvSemaphore, null given
bool(true)
bool(true)
-- an int is accepted for the float
bool(true)
-- removed semaphore: native's warning
bool(true)

Warning: Ipc\sem_acquire_timeout(): Failed to acquire key 0x%x: Invalid argument in %s on line %d
bool(false)

Warning: Ipc\sem_acquire_timeout(): Failed to acquire key 0x%x: Invalid argument in %s on line %d
bool(false)
