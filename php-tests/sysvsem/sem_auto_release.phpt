--TEST--
auto_release: a freed object gives back its acquisitions (unless auto_release is false); SEM_UNDO at process exit
--EXTENSIONS--
sysvsem
pcntl
--FILE--
<?php
$k = ftok(__FILE__, 'u');
$main = sem_get($k);
try {
    $a = sem_get($k);
    var_dump(sem_acquire($a));
    unset($a);                                  // released by the object's free
    var_dump(sem_acquire($main, true), sem_release($main));

    $b = sem_get($k, 1, 0666, false);
    var_dump(sem_acquire($b));
    unset($b);                                  // kept: auto_release is false
    var_dump(sem_acquire($main, true));

    // A child that exits while holding it: SEM_UNDO gives it back.
    $pid = pcntl_fork();
    if ($pid === 0) {
        pcntl_alarm(10);
        $c = sem_get($k, 1, 0666, false);
        sem_acquire($c);
        exit(0);
    }
    pcntl_waitpid($pid, $st);
    var_dump(pcntl_wexitstatus($st));
} finally {
    // Any acquisition of ours is still undone at exit by the kernel.
    sem_remove($main);
}
// A request that ends holding the semaphore: the next process gets it.
$k2 = ftok(__FILE__, 'v');
$cmd = escapeshellarg(PHP_BINARY) . ' ' . getenv('TEST_PHP_EXTRA_ARGS') . ' -r ';
echo shell_exec($cmd . escapeshellarg("\$s = sem_get($k2); var_dump(sem_acquire(\$s));"));
echo shell_exec($cmd . escapeshellarg("\$s = sem_get($k2); var_dump(sem_acquire(\$s, true)); sem_remove(\$s);"));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
int(0)
bool(true)
bool(true)
