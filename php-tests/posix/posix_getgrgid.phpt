--TEST--
posix_getgrgid(): by id; ids are truncated to gid_t
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_getgrgid(0) === posix_getgrnam('root'));
var_dump(posix_getgrgid(4294967296)['name']);
posix_kill(2147483647, 0);
var_dump(posix_getgrgid(123456), posix_get_last_error());
try { posix_getgrgid("x"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
string(4) "root"
bool(false)
int(0)
posix_getgrgid(): Argument #1 ($group_id) must be of type int, string given
