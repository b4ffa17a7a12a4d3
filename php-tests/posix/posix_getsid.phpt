--TEST--
posix_getsid(): of self (0 or the pid), of a missing process (false, ESRCH)
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(is_int(posix_getsid(0)), posix_getsid(0) === posix_getsid(posix_getpid()));
var_dump(posix_getsid(-1), posix_get_last_error());
var_dump(posix_getsid(2147483647), posix_get_last_error());
try { posix_getsid(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
int(3)
bool(false)
int(3)
posix_getsid() expects exactly 1 argument, 0 given
