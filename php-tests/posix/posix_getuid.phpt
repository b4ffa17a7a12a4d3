--TEST--
posix_getuid(): an int matching PHP's own view
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(is_int(posix_getuid()), posix_getuid() === getmyuid());
try { posix_getuid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
posix_getuid() expects exactly 0 arguments, 1 given
