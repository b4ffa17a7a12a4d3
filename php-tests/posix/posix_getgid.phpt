--TEST--
posix_getgid(): an int matching PHP's own view
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(is_int(posix_getgid()), posix_getgid() === getmygid());
try { posix_getgid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
posix_getgid() expects exactly 0 arguments, 1 given
