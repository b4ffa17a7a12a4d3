--TEST--
posix_getgrnam(): keys, order, types; not found gives false with errno 0
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_getgrnam('root'));
posix_kill(2147483647, 0);
var_dump(posix_getgrnam('no-such-group-xyz'), posix_get_last_error());
var_dump(posix_getgrnam("root\0ignored")['name']);
try { posix_getgrnam([]); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
array(4) {
  ["name"]=>
  string(4) "root"
  ["passwd"]=>
  string(1) "x"
  ["members"]=>
  array(0) {
  }
  ["gid"]=>
  int(0)
}
bool(false)
int(0)
string(4) "root"
posix_getgrnam(): Argument #1 ($name) must be of type string, array given
