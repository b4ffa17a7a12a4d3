--TEST--
posix_getlogin(): a string, or false with errno
--EXTENSIONS--
posix
--FILE--
<?php
$l = posix_getlogin();
var_dump(is_string($l) || ($l === false && posix_get_last_error() > 0));
try { posix_getlogin(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
posix_getlogin() expects exactly 0 arguments, 1 given
