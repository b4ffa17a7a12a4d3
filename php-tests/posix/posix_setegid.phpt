--TEST--
posix_setegid(): in a forked child only; success, then EPERM once privileges are gone
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(10);
$pid = pcntl_fork();
if ($pid === 0) {
    if (posix_getuid() !== 0) { var_dump(true, 65534, false, 1); exit(0); }
    var_dump(posix_setegid(65534), posix_getegid());
    // drop everything, then try to get the id back
    posix_seteuid(0); posix_setgid(65534); posix_setuid(65534);
    var_dump(posix_setegid(0), posix_get_last_error());
    exit(0);
}
pcntl_waitpid($pid, $st);
var_dump(pcntl_wexitstatus($st), posix_getegid() === posix_getegid());
try { posix_setegid(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { posix_setegid("x"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
int(65534)
bool(false)
int(1)
int(0)
bool(true)
posix_setegid() expects exactly 1 argument, 0 given
posix_setegid(): Argument #1 ($group_id) must be of type int, string given
