--TEST--
posix_setpgid(): in a forked child; EINVAL, ESRCH
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(10);
$pid = pcntl_fork();
if ($pid === 0) {
    var_dump(posix_setpgid(0, 0), posix_getpgrp() === posix_getpid());
    exit(0);
}
pcntl_waitpid($pid, $st);
var_dump(posix_setpgid(-1, 0), posix_get_last_error());
var_dump(posix_setpgid(2147483647, 0), posix_get_last_error());
try { posix_setpgid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
int(22)
bool(false)
int(3)
posix_setpgid() expects exactly 2 arguments, 1 given
