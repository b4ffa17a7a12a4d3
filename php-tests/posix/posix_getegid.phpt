--TEST--
posix_getegid(): the effective id (equal to the real one here)
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(is_int(posix_getegid()), posix_getegid() === posix_getgid());
try { posix_getegid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
posix_getegid() expects exactly 0 arguments, 1 given
