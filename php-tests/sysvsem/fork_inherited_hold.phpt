--TEST--
Fork-safe semaphores (differential): a child freeing its inherited copy does not give back the lock its parent holds (native does, breaking mutual exclusion)
--EXTENSIONS--
sysvsem
pcntl
--FILE--
<?php
require __DIR__ . '/../sysvshm/cross.inc.php';
$code = <<<'PHP'
$k = (int)$argv[1];
$s = sem_get($k);
sem_acquire($s);                      // the parent holds the lock
$pid = pcntl_fork();
if ($pid === 0) {
    pcntl_alarm(10);
    $s = null;                        // the child frees its inherited copy and runs on
    $other = sem_get($k);
    echo "while the parent holds it, the child can take it too: ", var_export(sem_acquire($other, true), true), "\n";
    exit(0);
}
pcntl_waitpid($pid, $st);
echo "the parent still holds it: release ", var_export(sem_release($s), true), "\n";
$x = sem_get($k);
echo "free again: ", var_export(sem_acquire($x, true), true), "\n";
sem_release($x);
sem_remove($x);
PHP;
foreach (['native', 'ours'] as $impl) {
    echo "$impl:\n", run_in($impl, $code, [ftok(__FILE__, $impl[0])]);
}
?>
--EXPECT--
native:
while the parent holds it, the child can take it too: true
the parent still holds it: release true
free again: true
ours:
while the parent holds it, the child can take it too: false
the parent still holds it: release true
free again: true
