--TEST--
posix_initgroups(): in a forked child; empty name is false
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(10);
var_dump(posix_initgroups('', 0));
$pid = pcntl_fork();
if ($pid === 0) {
    var_dump(posix_initgroups('root', 5), posix_getgroups());
    exit(0);
}
pcntl_waitpid($pid, $st);
try { posix_initgroups('root'); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(false)
bool(true)
array(1) {
  [0]=>
  int(5)
}
posix_initgroups() expects exactly 2 arguments, 1 given
