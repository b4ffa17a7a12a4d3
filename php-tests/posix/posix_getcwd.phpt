--TEST--
posix_getcwd(): the working directory
--EXTENSIONS--
posix
--FILE--
<?php
chdir('/');
var_dump(posix_getcwd());
chdir(__DIR__);
var_dump(posix_getcwd() === getcwd());
try { posix_getcwd(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
string(1) "/"
bool(true)
posix_getcwd() expects exactly 0 arguments, 1 given
