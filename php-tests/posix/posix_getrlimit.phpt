--TEST--
posix_getrlimit(): keys, order, int or "unlimited"
--EXTENSIONS--
posix
--SKIPIF--
<?php if (PHP_VERSION_ID >= 80300) die("skip PHP 8.2's output; posix_getrlimit_84.phpt has 8.4's"); ?>
--FILE--
<?php
$r = posix_getrlimit();
var_dump(array_keys($r));
foreach ($r as $k => $v) if (!is_int($v) && $v !== 'unlimited') echo "bad $k\n";
try { posix_getrlimit(POSIX_RLIMIT_CORE); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
array(20) {
  [0]=>
  string(9) "soft core"
  [1]=>
  string(9) "hard core"
  [2]=>
  string(9) "soft data"
  [3]=>
  string(9) "hard data"
  [4]=>
  string(10) "soft stack"
  [5]=>
  string(10) "hard stack"
  [6]=>
  string(13) "soft totalmem"
  [7]=>
  string(13) "hard totalmem"
  [8]=>
  string(8) "soft rss"
  [9]=>
  string(8) "hard rss"
  [10]=>
  string(12) "soft maxproc"
  [11]=>
  string(12) "hard maxproc"
  [12]=>
  string(12) "soft memlock"
  [13]=>
  string(12) "hard memlock"
  [14]=>
  string(8) "soft cpu"
  [15]=>
  string(8) "hard cpu"
  [16]=>
  string(13) "soft filesize"
  [17]=>
  string(13) "hard filesize"
  [18]=>
  string(14) "soft openfiles"
  [19]=>
  string(14) "hard openfiles"
}
posix_getrlimit() expects exactly 0 arguments, 1 given
