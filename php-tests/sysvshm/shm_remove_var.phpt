--TEST--
shm_remove_var(): removes one variable, keeps the others; missing keys warn
--EXTENSIONS--
sysvshm
--FILE--
<?php
$s = shm_attach(ftok(__FILE__, 'r'), 1000);
for ($i = 0; $i < 5; $i++) shm_put_var($s, $i, "v$i");
var_dump(shm_remove_var($s, 2), shm_remove_var($s, 0), shm_remove_var($s, 4));
for ($i = 0; $i < 5; $i++) var_dump(shm_has_var($s, $i) ? shm_get_var($s, $i) : null);
var_dump(shm_remove_var($s, 2));
try { shm_remove_var($s); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
// Freed space is reused.
for ($i = 10; $i < 40; $i++) if (!@shm_put_var($s, $i, str_repeat("x", 10))) { echo "full at $i\n"; break; }
for ($i = 10; $i < 40; $i++) @shm_remove_var($s, $i);
var_dump(shm_put_var($s, 100, str_repeat("y", 800)));
shm_remove($s);
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
NULL
string(2) "v1"
NULL
string(2) "v3"
NULL

Warning: shm_remove_var(): Variable key 2 doesn't exist in %s on line %d
bool(false)
shm_remove_var() expects exactly 2 arguments, 1 given
full at 25
bool(true)
