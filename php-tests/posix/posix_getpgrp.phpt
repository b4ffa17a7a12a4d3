--TEST--
posix_getpgrp(): the process group, equal to posix_getpgid(0)
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(is_int(posix_getpgrp()), posix_getpgrp() === posix_getpgid(0));
try { posix_getpgrp(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
posix_getpgrp() expects exactly 0 arguments, 1 given
