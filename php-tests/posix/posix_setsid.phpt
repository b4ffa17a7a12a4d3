--TEST--
posix_setsid(): new session in a forked child; -1 (errno untouched) for a group leader
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(10);
$pid = pcntl_fork();
if ($pid === 0) {
    var_dump(posix_setsid() === posix_getpid(), posix_getsid(0) === posix_getpid());
    posix_kill(2147483647, 0);
    var_dump(posix_setsid(), posix_get_last_error());
    exit(0);
}
pcntl_waitpid($pid, $st);
try { posix_setsid(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
int(-1)
int(3)
posix_setsid() expects exactly 0 arguments, 1 given
