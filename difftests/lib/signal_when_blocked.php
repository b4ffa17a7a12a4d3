<?php
// Shared by the signal difftests of every group (difftests/lib/ is copied beside each
// script as lib/ by scripts/difftest.sh and scripts/valgrind.sh).
//
// Sends $sig to this process from a forked child once this process sleeps in
// a blocking call (state S in /proc/<pid>/stat three times 10 ms apart), then
// runs $then in the child (e.g. makes the call complete) and kills the child
// (no shutdown functions). The caller reaps it with pcntl_waitpid.
function signal_when_blocked(int $sig, ?callable $then = null): int {
    $parent = getmypid();
    $pid = pcntl_fork();
    if ($pid === 0) {
        for ($i = 0, $seen = 0; $i < 500 && $seen < 3; $i++) {
            usleep(10000);
            $st = @file_get_contents("/proc/$parent/stat");
            $seen = is_string($st) && preg_match('/^\d+ \(.*\) S /s', $st) ? $seen + 1 : 0;
        }
        posix_kill($parent, $sig);
        if ($then) { usleep(200000); $then(); }
        posix_kill(getmypid(), SIGKILL);
    }
    return $pid;
}
