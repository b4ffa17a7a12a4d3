--TEST--
posix_getpwuid(): by id; ids are truncated to uid_t
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_getpwuid(0) === posix_getpwnam('root'));
var_dump(posix_getpwuid(4294967296)['name']);
var_dump(posix_getpwuid(123456), posix_get_last_error());
try { posix_getpwuid(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
string(4) "root"
bool(false)
int(0)
posix_getpwuid() expects exactly 1 argument, 0 given
