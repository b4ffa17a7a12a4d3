--TEST--
shm_detach()/shm_remove(): a removed segment stays usable while attached; a detached object throws
--EXTENSIONS--
sysvshm
--FILE--
<?php
$k = ftok(__FILE__, 'd');
$s = shm_attach($k, 1000);
shm_put_var($s, 1, "kept");
var_dump(shm_remove($s), shm_remove($s));
var_dump(shm_get_var($s, 1), shm_put_var($s, 2, 2));
$n = shm_attach($k, 1000);          // the key now names a new segment
var_dump(shm_has_var($n, 1));
shm_remove($n);
var_dump(shm_detach($s));
foreach (['shm_detach', 'shm_remove'] as $f) {
    try { $f($s); } catch (Error $e) { echo "$f: ", $e->getMessage(), "\n"; }
}
foreach (['shm_get_var', 'shm_has_var', 'shm_remove_var'] as $f) {
    try { $f($s, 1); } catch (Error $e) { echo "$f: ", $e->getMessage(), "\n"; }
}
try { shm_put_var($s, 1, 1); } catch (Error $e) { echo "shm_put_var: ", $e->getMessage(), "\n"; }
try { shm_detach(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { shm_remove(1); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
string(4) "kept"
bool(true)
bool(false)
bool(true)
shm_detach: Shared memory block has already been destroyed
shm_remove: Shared memory block has already been destroyed
shm_get_var: Shared memory block has already been destroyed
shm_has_var: Shared memory block has already been destroyed
shm_remove_var: Shared memory block has already been destroyed
shm_put_var: Shared memory block has already been destroyed
shm_detach() expects exactly 1 argument, 0 given
shm_remove(): Argument #1 ($shm) must be of type SysvSharedMemory, int given
