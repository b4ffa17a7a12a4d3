--TEST--
posix_getppid(): a forked child sees its parent
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(is_int(posix_getppid()), posix_getppid() > 0);
$me = posix_getpid();
$pid = pcntl_fork();
if ($pid === 0) { exit(posix_getppid() === $me ? 0 : 1); }
pcntl_waitpid($pid, $st);
var_dump(pcntl_wexitstatus($st));
try { posix_getppid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
int(0)
posix_getppid() expects exactly 0 arguments, 1 given
