--TEST--
posix_ctermid(): the controlling terminal's name
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_ctermid());
try { posix_ctermid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
string(8) "/dev/tty"
posix_ctermid() expects exactly 0 arguments, 1 given
