--TEST--
posix_get_last_error(): set by failures only, kept by successes, per process
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_get_last_error());
posix_kill(2147483647, 0);
var_dump(posix_get_last_error());
posix_getpid(); posix_kill(getmypid(), 0);
var_dump(posix_get_last_error());
$pid = pcntl_fork();
if ($pid === 0) { var_dump(posix_get_last_error()); posix_setpgid(-1, 0); exit(posix_get_last_error()); }
pcntl_waitpid($pid, $st);
var_dump(pcntl_wexitstatus($st), posix_get_last_error());
?>
--EXPECT--
int(0)
int(3)
int(3)
int(3)
int(22)
int(3)
