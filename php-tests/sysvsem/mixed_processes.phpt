--TEST--
Mixed-process proof: N native-PHP and N php-ipc processes increment one counter under one semaphore
--EXTENSIONS--
sysvsem
sysvshm
--FILE--
<?php
require __DIR__ . '/../sysvshm/cross.inc.php';
$N = 3; $M = 300;
$semk = ftok(__FILE__, 'x'); $shmk = ftok(__FILE__, 'y');
$sem = sem_get($semk);
$shm = shm_attach($shmk, 1024);
try {
    shm_put_var($shm, 1, 0);
    $worker = '
        pcntl_alarm(60); // never hang CI
        [, $semk, $shmk, $m] = $argv;
        $sem = sem_get((int)$semk);
        $shm = shm_attach((int)$shmk, 1024);
        for ($i = 0; $i < (int)$m; $i++) {
            sem_acquire($sem);
            $v = shm_get_var($shm, 1);
            usleep(0);
            shm_put_var($shm, 1, $v + 1);
            sem_release($sem);
        }
        echo extension_loaded("ipc") ? "ours" : "native", " done\n";';
    $procs = [];
    for ($i = 0; $i < $N; $i++) {
        $procs[] = start_in('native', $worker, [$semk, $shmk, $M]);
        $procs[] = start_in('ours', $worker, [$semk, $shmk, $M]);
    }
    $outs = array_map('finish', $procs);
    sort($outs);
    echo implode('', $outs);
    var_dump(shm_get_var($shm, 1) === 2 * $N * $M, shm_get_var($shm, 1));
} finally {
    shm_remove($shm);
    sem_remove($sem);
}
?>
--EXPECT--
native done
native done
native done
ours done
ours done
ours done
bool(true)
int(1800)
