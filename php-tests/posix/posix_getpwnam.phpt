--TEST--
posix_getpwnam(): keys, order, types; not found gives false with errno 0
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_getpwnam('root'));
posix_kill(2147483647, 0);
var_dump(posix_getpwnam('no-such-user-xyz'), posix_get_last_error());
var_dump(posix_getpwnam(''), posix_getpwnam("root\0x")['uid']);
?>
--EXPECT--
array(7) {
  ["name"]=>
  string(4) "root"
  ["passwd"]=>
  string(1) "x"
  ["uid"]=>
  int(0)
  ["gid"]=>
  int(0)
  ["gecos"]=>
  string(4) "root"
  ["dir"]=>
  string(5) "/root"
  ["shell"]=>
  string(9) "/bin/bash"
}
bool(false)
int(0)
bool(false)
int(0)
