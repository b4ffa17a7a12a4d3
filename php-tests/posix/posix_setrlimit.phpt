--TEST--
posix_setrlimit(): in a forked child; values read back; EINVAL
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(10);
$pid = pcntl_fork();
if ($pid === 0) {
    var_dump(posix_setrlimit(POSIX_RLIMIT_NOFILE, 100, 200));
    $r = posix_getrlimit(); var_dump($r['soft openfiles'], $r['hard openfiles']);
    var_dump(posix_setrlimit(POSIX_RLIMIT_CORE, POSIX_RLIMIT_INFINITY, POSIX_RLIMIT_INFINITY));
    $r = posix_getrlimit(); var_dump($r['soft core'], $r['hard core']);
    var_dump(posix_setrlimit(POSIX_RLIMIT_NOFILE, 300, 200), posix_get_last_error());
    exit(0);
}
pcntl_waitpid($pid, $st);
var_dump(posix_setrlimit(99, 1, 1), posix_get_last_error());
var_dump(POSIX_RLIMIT_INFINITY, POSIX_RLIMIT_NOFILE, POSIX_RLIMIT_CORE);
?>
--EXPECT--
bool(true)
int(100)
int(200)
bool(true)
string(9) "unlimited"
string(9) "unlimited"
bool(false)
int(22)
bool(false)
int(22)
int(-1)
int(7)
int(4)
