--TEST--
shm_attach(): sizes, existing segments, errors
--EXTENSIONS--
sysvshm
shmop
--FILE--
<?php
$k = ftok(__FILE__, 'a');
$s = shm_attach($k, 1000);
var_dump($s);
// An existing segment keeps its size whatever is asked for.
$t = shm_attach($k, 50);
var_dump(shm_put_var($t, 1, str_repeat("x", 900)));
var_dump(shmop_size(shmop_open($k, "a", 0, 0)));
var_dump(shm_attach($k, 1) instanceof SysvSharedMemory);
shm_remove($s);

$k2 = ftok(__FILE__, 'b');
var_dump(shm_attach($k2, 39));
var_dump(shm_attach($k2, PHP_INT_MAX));
foreach ([0, -1, PHP_INT_MIN] as $size) {
    try { shm_attach($k2, $size); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
}
try { shm_attach($k2, "big"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { shm_attach(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { shm_attach($k2, 1, 2, 3); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
$u = shm_attach($k2, 40);                    // just the header
var_dump(shm_put_var($u, 1, null));
shm_remove($u);
$u = shm_attach($k2, null, 0600);            // null: sysvshm.init_mem (10000)
var_dump(shmop_size(shmop_open($k2, "a", 0, 0)));
shm_remove($u);
?>
--EXPECTF--
object(SysvSharedMemory)#%d (0) {
}
bool(true)
int(1000)
bool(true)

Warning: shm_attach(): Failed for key 0x%x: memorysize too small in %s on line %d
bool(false)

Warning: shm_attach(): Failed for key 0x%x: %s in %s on line %d
bool(false)
shm_attach(): Argument #2 ($size) must be greater than 0
shm_attach(): Argument #2 ($size) must be greater than 0
shm_attach(): Argument #2 ($size) must be greater than 0
shm_attach(): Argument #2 ($size) must be of type ?int, string given
shm_attach() expects at least 1 argument, 0 given
shm_attach() expects at most 3 arguments, 4 given

Warning: shm_put_var(): Not enough shared memory left in %s on line %d
bool(false)
int(10000)
