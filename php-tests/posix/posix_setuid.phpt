--TEST--
posix_setuid(): in a forked child only; success, then EPERM once privileges are gone
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(10);
$pid = pcntl_fork();
if ($pid === 0) {
    if (posix_getuid() !== 0) { var_dump(true, 65534, false, 1); exit(0); }
    var_dump(posix_setuid(65534), posix_getuid());
    // drop everything, then try to get the id back
    posix_seteuid(0); posix_setgid(65534); posix_setuid(65534);
    var_dump(posix_setuid(0), posix_get_last_error());
    exit(0);
}
pcntl_waitpid($pid, $st);
var_dump(pcntl_wexitstatus($st), posix_getuid() === posix_getuid());
try { posix_setuid(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { posix_setuid("x"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
int(65534)
bool(false)
int(1)
int(0)
bool(true)
posix_setuid() expects exactly 1 argument, 0 given
posix_setuid(): Argument #1 ($user_id) must be of type int, string given
