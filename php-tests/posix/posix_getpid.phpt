--TEST--
posix_getpid(): an int matching PHP's own view
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(is_int(posix_getpid()), posix_getpid() === getmypid());
try { posix_getpid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
posix_getpid() expects exactly 0 arguments, 1 given
