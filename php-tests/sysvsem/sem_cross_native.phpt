--TEST--
One semaphore shared by a native-PHP process and a php-ipc process: exclusion and max_acquire both ways
--EXTENSIONS--
sysvsem
--FILE--
<?php
require __DIR__ . '/../sysvshm/cross.inc.php';
$k = ftok(__FILE__, 'n');
$try = 'var_dump(sem_acquire(sem_get((int)$argv[1]), true));';
$s = sem_get($k);
try {
    echo "ours holds it; native tries:\n";
    var_dump(sem_acquire($s));
    echo run_in('native', $try, [$k]);
    var_dump(sem_release($s));
    echo run_in('native', $try, [$k]);

    echo "native holds it; ours tries:\n";
    $p = proc_open(php_cmd('native') . ' -r ' . escapeshellarg('$s = sem_get((int)$argv[1]); sem_acquire($s); echo "held\n"; fgets(STDIN);') . " $k",
        [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
    echo fgets($pipes[1]);
    var_dump(sem_acquire($s, true));
    fclose($pipes[0]);                  // the native process exits, still holding: SEM_UNDO
    fclose($pipes[1]);
    proc_close($p);
    var_dump(sem_acquire($s, true), sem_release($s));
} finally {
    sem_remove($s);
}

echo "max_acquire set by native (the only user) holds for ours:\n";
$k2 = ftok(__FILE__, 'm');
$p = proc_open(php_cmd('native') . ' -r ' . escapeshellarg('$s = sem_get((int)$argv[1], 3); echo "ready\n"; fgets(STDIN);') . " $k2",
    [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
echo fgets($pipes[1]);
$t = sem_get($k2, 1);
var_dump(sem_acquire($t, true), sem_acquire($t, true), sem_acquire($t, true), sem_acquire($t, true));
fclose($pipes[0]); fclose($pipes[1]); proc_close($p);
sem_remove($t);

echo "max_acquire set by ours holds for native:\n";
$k3 = ftok(__FILE__, 'o');
$u = sem_get($k3, 2);
echo run_in('native', '$s = sem_get((int)$argv[1], 1); var_dump(sem_acquire($s, true), sem_acquire($s, true), sem_acquire($s, true));', [$k3]);
sem_remove($u);
?>
--EXPECT--
ours holds it; native tries:
bool(true)
bool(false)
bool(true)
bool(true)
native holds it; ours tries:
held
bool(false)
bool(true)
bool(true)
max_acquire set by native (the only user) holds for ours:
ready
bool(true)
bool(true)
bool(true)
bool(false)
max_acquire set by ours holds for native:
bool(true)
bool(true)
bool(false)
