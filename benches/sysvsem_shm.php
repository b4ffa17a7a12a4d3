<?php
// One benchmark case, timed in-process: prints "<ops/s>".
//   php [native or ours] benches/sysvsem_shm.php <case> <iterations>
// Driven by benches/run-semshm.sh, which alternates native and ours.
[, $case, $n] = $argv + [null, 'sem', 100000];
$n = (int)$n;
$kSem = ftok(__FILE__, 'S');
$kShm = ftok(__FILE__, 'M');
$sem = sem_get($kSem);
$shm = shm_attach($kShm, 1 << 20);
$ops = $n;
try {
    switch ($case) {
        case 'sem': // sem_acquire + sem_release, uncontended
            $t = hrtime(true);
            for ($i = 0; $i < $n; $i++) { sem_acquire($sem); sem_release($sem); }
            break;
        case 'sem2': // the same, two processes on one semaphore
            $half = intdiv($n, 2);
            // Both loops start together: the child blocks on the semaphore
            // the parent holds until the clock starts.
            sem_acquire($sem);
            $pid = pcntl_fork();
            if ($pid === 0) {
                for ($i = 0; $i < $half; $i++) { sem_acquire($sem); sem_release($sem); }
                posix_kill(getmypid(), 9); // skip shutdown: the parent cleans up
            }
            usleep(20000);
            $t = hrtime(true);
            sem_release($sem);
            for ($i = 0; $i < $half; $i++) { sem_acquire($sem); sem_release($sem); }
            pcntl_waitpid($pid, $st);
            $ops = 2 * $half;
            break;
        case 'int': // shm_put_var + shm_get_var of an int
            $t = hrtime(true);
            for ($i = 0; $i < $n; $i++) { shm_put_var($shm, 1, $i); $v = shm_get_var($shm, 1); }
            if ($v !== $n - 1) throw new Exception("bad value");
            break;
        case 'str1k': // ... of a 1 KiB string
            $s = str_repeat("0123456789abcdef", 64);
            $t = hrtime(true);
            for ($i = 0; $i < $n; $i++) { shm_put_var($shm, 1, $s); $v = shm_get_var($shm, 1); }
            if ($v !== $s) throw new Exception("bad value");
            break;
        case 'arr100': // ... of a 100-element array
            $a = range(1, 100);
            $t = hrtime(true);
            for ($i = 0; $i < $n; $i++) { shm_put_var($shm, 1, $a); $v = shm_get_var($shm, 1); }
            if ($v !== $a) throw new Exception("bad value");
            break;
        case 'has1000': // shm_has_var with 1000 variables stored
            for ($i = 0; $i < 1000; $i++) shm_put_var($shm, $i, $i);
            $t = hrtime(true);
            $found = 0;
            for ($i = 0; $i < $n; $i++) $found += shm_has_var($shm, ($i * 7919) % 1000);
            if ($found !== $n) throw new Exception("bad count");
            break;
        case 'seed': // the seed's pattern: fork 2 children that increment a counter under the semaphore
            $t = hrtime(true);
            for ($r = 0; $r < $n; $r++) {
                $pids = [];
                for ($c = 0; $c < 2; $c++) {
                    $pid = pcntl_fork();
                    if ($pid === 0) {
                        sem_acquire($sem);
                        $v = shm_has_var($shm, 1) ? shm_get_var($shm, 1) + 1 : 1;
                        shm_put_var($shm, 1, $v);
                        sem_release($sem);
                        exit(0);
                    }
                    $pids[] = $pid;
                }
                foreach ($pids as $p) pcntl_waitpid($p, $st);
            }
            if (shm_get_var($shm, 1) !== 2 * $n) throw new Exception("bad counter");
            break;
        default:
            throw new Exception("unknown case $case");
    }
    $dt = (hrtime(true) - $t) / 1e9;
    printf("%.1f\n", $ops / $dt);
} finally {
    shm_remove($shm);
    sem_remove($sem);
}
