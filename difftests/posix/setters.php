<?php
// Setters run only in forked children (they change the process); each child
// prints what it did, the parent waits for it before going on.
pcntl_alarm(30);
function child(string $label, callable $f) {
    echo "== $label\n";
    $pid = pcntl_fork();
    if ($pid === 0) {
        try { $f(); } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
        echo 'errno=', posix_get_last_error(), "\n";
        exit(0);
    }
    pcntl_waitpid($pid, $st);
    echo "exit=", pcntl_wexitstatus($st), "\n";
}
function show(...$v) { echo json_encode($v), "\n"; }
child('setgid/setegid/setuid/seteuid as root', function () {
    show(posix_setegid(65534), posix_getegid(), posix_getgid());
    show(posix_seteuid(65534), posix_geteuid(), posix_getuid());
    show(posix_seteuid(0), posix_geteuid());
    show(posix_setgid(65534), posix_getgid(), posix_getegid());
    show(posix_setuid(65534), posix_getuid(), posix_geteuid());
    // No way back once the real uid is dropped.
    show(posix_setuid(0), posix_get_last_error(), posix_getuid());
    show(posix_seteuid(0), posix_get_last_error());
    show(posix_setgid(0), posix_get_last_error());
    show(posix_setegid(0), posix_get_last_error());
    show(posix_kill(1, 0), posix_get_last_error());
    show(posix_setrlimit(POSIX_RLIMIT_NOFILE, 64, 1 << 20), posix_get_last_error());
    show(posix_initgroups('root', 0), posix_getgroups());
});
child('set ids out of range (truncated to 32 bits)', function () {
    show(posix_setgid(-1), posix_get_last_error());
    show(posix_setuid(4294967296 + 65534), posix_getuid());
});
child('setpgid/setsid', function () {
    $me = posix_getpid();
    show(posix_setpgid(0, 0), posix_getpgrp() === $me, posix_getpgid(0) === $me);
    show(posix_setsid(), posix_get_last_error());  // a group leader cannot
    $pid = pcntl_fork();
    if ($pid === 0) {
        $sid = posix_setsid();
        show($sid === posix_getpid(), posix_getsid(0) === posix_getpid(), posix_getpgrp() === posix_getpid());
        show(posix_ttyname(0), posix_ctermid());
        exit(0);
    }
    pcntl_waitpid($pid, $st);
    show(posix_setpgid($pid, 0), posix_get_last_error()); // reaped: ESRCH
});
child('setrlimit/getrlimit', function () {
    show(posix_setrlimit(POSIX_RLIMIT_NOFILE, 100, 200));
    $r = posix_getrlimit();
    show($r['soft openfiles'], $r['hard openfiles']);
    show(posix_setrlimit(POSIX_RLIMIT_CORE, POSIX_RLIMIT_INFINITY, POSIX_RLIMIT_INFINITY));
    $r = posix_getrlimit(); show($r['soft core'], $r['hard core']);
    show(posix_setrlimit(POSIX_RLIMIT_CORE, 0, 4096));
    $r = posix_getrlimit(); show($r['soft core'], $r['hard core']);
    show(posix_setrlimit(POSIX_RLIMIT_CORE, 8192, 4096), posix_get_last_error());
    show(posix_setrlimit(POSIX_RLIMIT_NOFILE, 10, 20));
    $fds = [];
    for ($i = 0; $i < 20; $i++) { $f = @fopen(__FILE__, 'r'); if (!$f) break; $fds[] = $f; }
    show(count($fds) < 20);
    show(posix_setrlimit(POSIX_RLIMIT_CPU, -1, -1), posix_getrlimit()['soft cpu']);
    show(posix_setrlimit(POSIX_RLIMIT_FSIZE, PHP_INT_MAX, PHP_INT_MAX), posix_getrlimit()['soft filesize']);
});
child('initgroups', function () {
    show(posix_initgroups('root', 0), posix_getgroups());
    show(posix_initgroups('nobody', 1234), posix_getgroups());
    show(posix_initgroups("root\0x", 5), posix_getgroups());
    show(posix_initgroups('no-such-user-xyz', 77), posix_getgroups());
    show(posix_setgid(0), posix_setuid(65534), posix_initgroups('root', 0), posix_get_last_error());
});
child('kill', function () {
    pcntl_async_signals(true);
    $got = [];
    pcntl_signal(SIGUSR1, function ($s) use (&$got) { $got[] = $s; });
    show(posix_kill(posix_getpid(), SIGUSR1), $got);
    $pid = pcntl_fork();
    if ($pid === 0) { while (true) sleep(1); }
    show(posix_kill($pid, 0), posix_kill($pid, SIGTERM));
    pcntl_waitpid($pid, $st);
    show(pcntl_wifsignaled($st), pcntl_wtermsig($st));
    show(posix_kill($pid, 0), posix_get_last_error());
    $pid = pcntl_fork();
    if ($pid === 0) { posix_setpgid(0, 0); while (true) sleep(1); }
    posix_setpgid($pid, $pid); // both sides set it: no race with the child
    show(posix_kill(-$pid, SIGKILL));
    pcntl_waitpid($pid, $st);
    show(pcntl_wtermsig($st));
});
