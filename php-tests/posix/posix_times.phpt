--TEST--
posix_times(): keys, order and int values; children's time after a fork
--EXTENSIONS--
posix
--FILE--
<?php
$t = posix_times();
var_dump(array_keys($t), array_unique(array_map('gettype', $t)));
var_dump($t['ticks'] > 0);
$pid = pcntl_fork();
if ($pid === 0) { $x = 0; $end = microtime(true) + 0.2; while (microtime(true) < $end) $x++; exit(0); }
pcntl_waitpid($pid, $st);
$t2 = posix_times();
var_dump($t2['ticks'] >= $t['ticks'], $t2['cutime'] + $t2['cstime'] >= $t['cutime'] + $t['cstime']);
try { posix_times(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
array(5) {
  [0]=>
  string(5) "ticks"
  [1]=>
  string(5) "utime"
  [2]=>
  string(5) "stime"
  [3]=>
  string(6) "cutime"
  [4]=>
  string(6) "cstime"
}
array(1) {
  ["ticks"]=>
  string(7) "integer"
}
bool(true)
bool(true)
bool(true)
posix_times() expects exactly 0 arguments, 1 given
