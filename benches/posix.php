<?php
// One posix workload; prints "name seconds" lines. Run by benches/posix.sh
// under native ext/posix and under php-ipc.
$cases = [
    'getpid x1M' => function () { for ($i = 0; $i < 1000000; $i++) posix_getpid(); },
    'kill(self,0) x200k' => function () { $p = getmypid(); for ($i = 0; $i < 200000; $i++) posix_kill($p, 0); },
    'isatty(stream) x200k' => function () { $f = fopen('/dev/null', 'r'); for ($i = 0; $i < 200000; $i++) posix_isatty($f); },
    'uname x200k' => function () { for ($i = 0; $i < 200000; $i++) posix_uname(); },
    'getpwuid(0) x20k' => function () { for ($i = 0; $i < 20000; $i++) posix_getpwuid(0); },
    'getrlimit x50k' => function () { for ($i = 0; $i < 50000; $i++) posix_getrlimit(); },
    'mkfifo+unlink x20k' => function () {
        $p = sys_get_temp_dir() . '/phpipc-bench-fifo-' . getmypid();
        for ($i = 0; $i < 20000; $i++) { posix_mkfifo($p, 0600); unlink($p); }
    },
];
foreach ($cases as $name => $f) {
    $t = hrtime(true);
    $f();
    printf("%s %.6f\n", $name, (hrtime(true) - $t) / 1e9);
}
