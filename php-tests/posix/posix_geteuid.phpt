--TEST--
posix_geteuid(): the effective id (equal to the real one here)
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(is_int(posix_geteuid()), posix_geteuid() === posix_getuid());
try { posix_geteuid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
posix_geteuid() expects exactly 0 arguments, 1 given
