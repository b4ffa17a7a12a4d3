--TEST--
posix_uname(): keys, order and string values
--EXTENSIONS--
posix
--FILE--
<?php
$u = posix_uname();
var_dump(array_keys($u), array_unique(array_map('gettype', $u)));
var_dump($u['sysname'], $u['nodename'] === php_uname('n'), $u['release'] === php_uname('r'));
try { posix_uname(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
array(6) {
  [0]=>
  string(7) "sysname"
  [1]=>
  string(8) "nodename"
  [2]=>
  string(7) "release"
  [3]=>
  string(7) "version"
  [4]=>
  string(7) "machine"
  [5]=>
  string(10) "domainname"
}
array(1) {
  ["sysname"]=>
  string(6) "string"
}
string(5) "Linux"
bool(true)
bool(true)
posix_uname() expects exactly 0 arguments, 1 given
