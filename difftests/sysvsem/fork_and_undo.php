<?php
// auto_release and SEM_UNDO across fork and process exit, as native.
set_error_handler(function ($no, $str) { echo "[$no] ", preg_replace('/0x[0-9a-f]+/', '<KEY>', $str), "\n"; return true; });
$K = ftok(__FILE__, 'f');
$s = sem_get($K);
$parent = getmypid(); // children run shutdown functions too
register_shutdown_function(function () use ($K, $parent) { if (getmypid() === $parent && ($x = @sem_get($K))) sem_remove($x); });
function child(callable $f) {
    $pid = pcntl_fork();
    if ($pid === 0) { pcntl_alarm(10); $f(); exit(0); }
    pcntl_waitpid($pid, $st);
    return pcntl_wexitstatus($st);
}
echo "1: a child acquires and exits without releasing\n";
child(function () use ($s) { sem_acquire($s); });
var_dump(sem_acquire($s, true), sem_release($s));

echo "2: a child exits while its object (auto_release=false) holds the semaphore\n";
child(function () use ($K) { $x = sem_get($K, 1, 0666, false); sem_acquire($x); });
var_dump(sem_acquire($s, true), sem_release($s));

echo "3: the parent holds it; the inherited object is freed in the child\n";
var_dump(sem_acquire($s));
child(function () use ($s) { echo "child nonblocking: "; var_dump(sem_acquire($s, true)); });
var_dump(sem_acquire($s, true));
var_dump(sem_release($s));
var_dump(sem_acquire($s, true), sem_release($s));

echo "4: the child releases what the parent acquired\n";
var_dump(sem_acquire($s));
child(function () use ($s) { echo "child release: "; var_dump(sem_release($s)); });
var_dump(sem_acquire($s, true));
var_dump(sem_release($s));

echo "5: a child blocks until the parent releases\n";
var_dump(sem_acquire($s));
$pid = pcntl_fork();
if ($pid === 0) {
    pcntl_alarm(10);
    $c = sem_get($K);
    $t = microtime(true);
    $ok = sem_acquire($c);
    echo "child got it: "; var_dump($ok, microtime(true) - $t > 0.1);
    sem_release($c);
    exit(0);
}
usleep(300000);
// Printed after the child is done, so the two outputs cannot interleave.
$released = sem_release($s);
pcntl_waitpid($pid, $st);
var_dump($released);
var_dump(sem_acquire($s, true), sem_release($s));

echo "6: max_acquire set by a child that is the only user\n";
unset($s);
child(function () use ($K) { $c = sem_get($K, 3); var_dump(sem_acquire($c, true), sem_acquire($c, true), sem_acquire($c, true), sem_acquire($c, true)); });
$s = sem_get($K, 1);  // only user again: max back to 1
var_dump(sem_acquire($s, true), sem_acquire($s, true), sem_release($s));
sem_remove($s);
echo "done\n";
