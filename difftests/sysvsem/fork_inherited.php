<?php
// Inherited SysvSemaphore objects across fork where php-ipc keeps native
// behaviour: a child's own acquisitions, SEM_UNDO at exit, auto_release,
// children exiting before the parent, grandchildren. (Where native hangs or
// gives back the parent's acquisitions, php-tests/sysvsem/fork_* cover ours.)
set_error_handler(function ($no, $str) { echo "[$no] ", preg_replace('/0x[0-9a-f]+/', '<KEY>', $str), "\n"; return true; });
$K = ftok(__FILE__, 'i');
$parent = getmypid();
register_shutdown_function(function () use ($K, $parent) { if (getmypid() === $parent && ($x = @sem_get($K))) sem_remove($x); });
$s = sem_get($K, 2);
/** Runs $f in a child; $f gets a function to report to the parent. Returns what it reported. */
function child(callable $f): string {
    $dir = sys_get_temp_dir() . '/fi' . getmypid();
    $pid = pcntl_fork();
    if ($pid === 0) { pcntl_alarm(10); ob_start(); $f(); file_put_contents($dir, ob_get_clean()); exit(0); }
    pcntl_waitpid($pid, $st);
    $out = @file_get_contents($dir); @unlink($dir);
    return (string)$out;
}
echo "1: the child acquires twice on the inherited object and frees it while it runs on\n";
echo child(function () use (&$s, $K) {
    var_dump(sem_acquire($s), sem_acquire($s));
    $s = null;                                   // freed: gives back its two acquisitions
    $c = sem_get($K, 2);
    var_dump(sem_acquire($c, true), sem_acquire($c, true), sem_acquire($c, true));
    sem_release($c); sem_release($c);
});
var_dump(sem_acquire($s, true), sem_acquire($s, true), sem_release($s), sem_release($s));

echo "2: the child exits holding acquisitions of the inherited object: SEM_UNDO\n";
echo child(function () use ($s) { var_dump(sem_acquire($s), sem_acquire($s)); });
var_dump(sem_acquire($s, true), sem_acquire($s, true), sem_release($s), sem_release($s));

echo "3: children exit before the parent, which then goes on using the semaphore\n";
for ($i = 0; $i < 3; $i++) echo child(function () use ($s) { echo "child\n"; });
var_dump(sem_acquire($s), sem_release($s));
$t = sem_get($K, 2);
var_dump(sem_acquire($t, true), sem_acquire($s, true), sem_acquire($t, true));
var_dump(sem_release($t), sem_release($s));

echo "4: auto_release=false, inherited and freed in the child\n";
$n = sem_get($K, 2, 0666, false);
var_dump(sem_acquire($n));
echo child(function () use ($n) { var_dump(sem_acquire($n, true), sem_acquire($n, true)); });
var_dump(sem_acquire($s, true), sem_release($s), sem_release($n));

echo "5: a grandchild acquires on the object and exits; all are free afterwards\n";
echo child(function () use ($s) {
    echo child(function () use ($s) { var_dump(sem_acquire($s)); echo "grandchild done\n"; });
    var_dump(sem_acquire($s, true), sem_acquire($s, true), sem_release($s), sem_release($s));
});
var_dump(sem_acquire($s, true), sem_acquire($s, true), sem_release($s), sem_release($s));

echo "6: the child releases what it acquired, then what the parent acquired\n";
var_dump(sem_acquire($s));
echo child(function () use ($s) { var_dump(sem_acquire($s), sem_release($s), sem_release($s), sem_release($s)); });
var_dump(sem_release($s), sem_release($s));
