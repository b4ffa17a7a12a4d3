--TEST--
posix_setgid(): in a forked child only; success, then EPERM once privileges are gone
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(10);
$pid = pcntl_fork();
if ($pid === 0) {
    if (posix_getuid() !== 0) { var_dump(true, 65534, false, 1); exit(0); }
    var_dump(posix_setgid(65534), posix_getgid());
    // drop everything, then try to get the id back
    posix_seteuid(0); posix_setgid(65534); posix_setuid(65534);
    var_dump(posix_setgid(0), posix_get_last_error());
    exit(0);
}
pcntl_waitpid($pid, $st);
var_dump(pcntl_wexitstatus($st), posix_getgid() === posix_getgid());
try { posix_setgid(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { posix_setgid("x"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
int(65534)
bool(false)
int(1)
int(0)
bool(true)
posix_setgid() expects exactly 1 argument, 0 given
posix_setgid(): Argument #1 ($group_id) must be of type int, string given
