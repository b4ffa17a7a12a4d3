--TEST--
posix_kill(): signal 0 probes, real signals to a forked child, errno
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(10);
var_dump(posix_kill(getmypid(), 0), posix_kill(2147483647, 0), posix_get_last_error());
var_dump(posix_kill(getmypid(), -1), posix_get_last_error());
$pid = pcntl_fork();
if ($pid === 0) { while (true) sleep(1); }
var_dump(posix_kill($pid, SIGTERM));
pcntl_waitpid($pid, $st);
var_dump(pcntl_wtermsig($st) === SIGTERM, posix_kill($pid, 0), posix_get_last_error());
try { posix_kill(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { posix_kill("a", 0); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(false)
int(3)
bool(false)
int(22)
bool(true)
bool(true)
bool(false)
int(3)
posix_kill() expects exactly 2 arguments, 1 given
posix_kill(): Argument #1 ($process_id) must be of type int, string given
