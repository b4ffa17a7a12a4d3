--TEST--
posix_errno(): the same value as posix_get_last_error()
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_errno());
posix_getpgid(-1);
var_dump(posix_errno(), posix_errno() === posix_get_last_error());
try { posix_errno(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
int(0)
int(3)
bool(true)
posix_errno() expects exactly 0 arguments, 1 given
