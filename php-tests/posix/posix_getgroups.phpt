--TEST--
posix_getgroups(): a list of ints
--EXTENSIONS--
posix
--FILE--
<?php
$g = posix_getgroups();
var_dump(is_array($g), array_is_list($g), count(array_filter($g, 'is_int')) === count($g));
$pid = pcntl_fork();
if ($pid === 0) { posix_initgroups('root', 0); var_dump(posix_getgroups()); exit(0); }
pcntl_waitpid($pid, $st);
try { posix_getgroups(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
array(1) {
  [0]=>
  int(0)
}
posix_getgroups() expects exactly 0 arguments, 1 given
