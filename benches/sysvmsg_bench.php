<?php
// One benchmark case, run in this process: prints "<ops per second>".
//   php benches/sysvmsg_bench.php <case> <iterations>
[$_, $case, $n] = $argv + [null, 'small', 100000];
$n = (int) $n;
$key = ftok(__FILE__, chr(ord('a') + crc32($case) % 26)) ^ getmypid();
$q = msg_get_queue($key, 0600);
$small = "hello world";
$big = str_repeat("0123456789abcdef", 256);       // 4 KiB
$payload = match ($case) { 'small', 'small-raw' => $small, 'array' => ['id' => 1, 'name' => 'x', 'tags' => [1, 2, 3]], default => $big };
$serialize = !str_ends_with($case, '-raw');
try {
    if ($case === 'pingpong') {
        $pid = pcntl_fork();
        if ($pid === 0) {
            for ($i = 0; $i < $n; $i++) { msg_receive($q, 1, $t, 8192, $m); msg_send($q, 2, $m); }
            exit(0);
        }
        $t0 = hrtime(true);
        for ($i = 0; $i < $n; $i++) { msg_send($q, 1, $small); msg_receive($q, 2, $t, 8192, $m); }
        $dt = hrtime(true) - $t0;
        pcntl_waitpid($pid, $st);
    } else {
        $t0 = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            msg_send($q, 1, $payload, $serialize);
            msg_receive($q, 0, $t, 8192, $m, $serialize);
        }
        $dt = hrtime(true) - $t0;
        if ($m != $payload) { fwrite(STDERR, "payload mismatch\n"); exit(1); }
    }
} finally {
    msg_remove_queue($q);
}
printf("%.0f\n", $n / ($dt / 1e9));
