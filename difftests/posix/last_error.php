<?php
// posix_get_last_error()/posix_errno(): set by failing calls only, never
// cleared by a successful call or by argument errors; per process (a forked
// child inherits it, and the child's changes stay in the child).
pcntl_alarm(20);
function e($label) { echo str_pad($label, 34), posix_get_last_error(), ' ', posix_errno(), "\n"; }
e('start');
posix_kill(2147483647, 0); e('kill ESRCH');
posix_getpid(); posix_uname(); posix_times(); e('successful calls keep it');
posix_kill(getmypid(), 0); e('successful kill keeps it');
try { posix_kill("x", 0); } catch (TypeError $t) {} e('TypeError keeps it');
try { posix_mknod('/tmp/x', POSIX_S_IFCHR); } catch (ValueError $t) {} e('ValueError keeps it');
posix_setpgid(-1, 0); e('setpgid EINVAL');
posix_access('/no/such/file'); e('access ENOENT');
posix_access(''); e('access("") EIO');
posix_getpwnam('no-such-user-xyz'); e('getpwnam not found -> errno 0');
posix_kill(2147483647, 0);
posix_getgrgid(123456); e('getgrgid not found -> 0');
posix_kill(2147483647, 0);
posix_getpwuid(123456); e('getpwuid not found -> 0');
posix_kill(2147483647, 0);
posix_getgrnam('no-such-group'); e('getgrnam not found -> 0');
posix_kill(2147483647, 0);
posix_initgroups('', 0); e('initgroups("") keeps it');
posix_isatty(99); e('isatty never sets it');
posix_ttyname(99); e('ttyname(99) EBADF');
posix_ttyname(0); e('ttyname(/dev/null) ENOTTY');
posix_getpgid(-1); e('getpgid ESRCH');
posix_getsid(-1); e('getsid ESRCH');
posix_setrlimit(-1, 0, 0); e('setrlimit EINVAL');
posix_mkfifo('/no/such/dir/f', 0600); e('mkfifo ENOENT');
posix_mknod('/no/such/dir/f', POSIX_S_IFREG); e('mknod ENOENT');
posix_strerror(1); e('strerror keeps it');
posix_kill(2147483647, 0);
$pid = pcntl_fork();
if ($pid === 0) {
    e('child inherits');
    posix_setpgid(-1, 0); e('child EINVAL');
    $sid = posix_setsid(); echo 'setsid is the pid: ', json_encode($sid === posix_getpid()), "\n";
    echo 'second setsid: ', posix_setsid(), "\n"; e('setsid never sets it');
    exit(0);
}
pcntl_waitpid($pid, $st);
e('parent unchanged by child');
