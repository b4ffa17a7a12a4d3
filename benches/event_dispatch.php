<?php
// Dispatch micro-benchmarks, PECL event 3.1.5 (the oracle) and php-ipc run
// alternately in one run, each case in a fresh process per side and round;
// prints the median rate of each side and the ratio ours/PECL, then each
// side's median CPU time per iteration split into user and kernel (sys)
// time, from getrusage() around the timed part: wall-clock rates suffer
// from other jobs on a shared machine, CPU times much less so.
//   php benches/event_dispatch.php [REPEAT]
// Environment: PHP_IPC_SO (default target/release/libphp_ipc.so),
// EVENT_ORACLE (default ../shared/oracle/pecl-event/event.so). Without the
// oracle only php-ipc's rates are printed, and the run says so.
// Worker mode (used by the driver): php ... event_dispatch.php --case NAME
// prints "RATE USER_NS SYS_NS" (iterations/s, ns of user and sys CPU time per
// iteration).

function bench_io(): float {
    $N = (int) (getenv('BENCH_N') ?: 1000000);
    $b = new EventBase();
    list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    fwrite($w, "x"); // never read: always readable
    $n = 0;
    $e = new Event($b, $r, Event::READ | Event::PERSIST, function () use (&$n, $b, $N) { if (++$n === $N) $b->stop(); });
    $e->add();
    $GLOBALS['bench_iterations'] = $N;
    $GLOBALS['cpu_at_start'] = cpu();
    $t = hrtime(true);
    $b->loop();
    $dt = (hrtime(true) - $t) / 1e9;
    $GLOBALS['cpu_at_end'] = cpu();
    if ($n !== $N) throw new Exception("io: $n");
    return $N / $dt;
}
function bench_rearm(): float {
    $N = (int) (getenv('BENCH_N') ?: 200000);
    $b = new EventBase();
    $n = 0;
    $t = Event::timer($b, function () use (&$t, &$n, $N) { if (++$n < $N) $t->addTimer(0); });
    $t->addTimer(0);
    $GLOBALS['bench_iterations'] = $N;
    $GLOBALS['cpu_at_start'] = cpu();
    $s = hrtime(true);
    $b->loop();
    $dt = (hrtime(true) - $s) / 1e9;
    $GLOBALS['cpu_at_end'] = cpu();
    if ($n !== $N) throw new Exception("rearm: $n");
    return $N / $dt;
}
function bench_batch(): float {
    $N = (int) (getenv('BENCH_N') ?: 100000);
    $b = new EventBase();
    $n = 0;
    $cb = function () use (&$n) { $n++; };
    $evs = [];
    $GLOBALS['bench_iterations'] = $N;
    $GLOBALS['cpu_at_start'] = cpu();
    $s = hrtime(true);
    for ($i = 0; $i < $N; $i++) {
        $e = Event::timer($b, $cb);
        $e->addTimer(0);
        $evs[] = $e;
    }
    $b->loop();
    $dt = (hrtime(true) - $s) / 1e9;
    $GLOBALS['cpu_at_end'] = cpu();
    if ($n !== $N) throw new Exception("batch: $n");
    return $N / $dt;
}
function bench_nonblock(): float {
    $N = (int) (getenv('BENCH_N') ?: 1000000);
    $b = new EventBase();
    // One pending timer far away: every call polls the backend once.
    $t = Event::timer($b, function () {});
    $t->addTimer(1000);
    $GLOBALS['bench_iterations'] = $N;
    $GLOBALS['cpu_at_start'] = cpu();
    $s = hrtime(true);
    for ($i = 0; $i < $N; $i++) $b->loop(EventBase::LOOP_NONBLOCK);
    $dt = (hrtime(true) - $s) / 1e9;
    $GLOBALS['cpu_at_end'] = cpu();
    return $N / $dt;
}

$names = ['io' => '1M callbacks, READ|PERSIST on an always-readable fd',
          'rearm' => '200k one-shot timers re-armed from their callback',
          'batch' => '100k timers created, then fired by one loop()',
          'nonblock' => '1M loop(LOOP_NONBLOCK) calls (one pending timer)'];

// CPU seconds (user, sys) of this process so far.
function cpu(): array {
    $u = getrusage();
    return [$u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6, $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6];
}

if (($argv[1] ?? '') === '--case') {
    $rate = ('bench_' . $argv[2])();
    [$u1, $s1] = $GLOBALS['cpu_at_end'];
    [$u0, $s0] = $GLOBALS['cpu_at_start'];
    $n = $GLOBALS['bench_iterations'];
    printf("%.1f %.1f %.1f\n", $rate, ($u1 - $u0) * 1e9 / $n, ($s1 - $s0) * 1e9 / $n);
    exit(0);
}

$root = dirname(__DIR__);
$repeat = max(1, (int) ($argv[1] ?? 5));
$so = getenv('PHP_IPC_SO') ?: "$root/target/release/libphp_ipc.so";
$oracle = getenv('EVENT_ORACLE') ?: dirname($root) . '/shared/oracle/pecl-event/event.so';
$php = PHP_BINARY;
$sides = ['ours' => "-n -d extension=" . escapeshellarg($so)];
$probe = "-n -d extension=sockets -d extension=posix -d extension=" . escapeshellarg($oracle);
if (is_file($oracle) && trim((string) shell_exec("$php $probe -r 'echo class_exists(\"EventBase\") ? 1 : 0;' 2>/dev/null")) === '1') {
    $sides = ['pecl' => $probe] + $sides;
} else {
    echo "PECL event oracle absent or not loadable ($oracle): php-ipc's rates only, no comparison\n";
}
function median(array $a) { sort($a); return $a[intdiv(count($a) - 1, 2)]; }
// "user+sys" CPU µs per iteration, e.g. "0.41+0.55".
function cpu_us(array $user, array $sys): string { return sprintf("%.2f+%.2f", median($user) / 1e3, median($sys) / 1e3); }
$self = escapeshellarg(__FILE__);
foreach ($names as $k => $label) {
    $rates = $user = $sys = array_fill_keys(array_keys($sides), []);
    for ($i = 0; $i < $repeat; $i++) {
        // Alternate which side goes first, so drifting load hits both alike.
        $order = $i % 2 ? array_reverse($sides, true) : $sides;
        foreach ($order as $side => $args) {
            $out = trim((string) shell_exec("$php $args $self --case $k 2>&1"));
            $f = explode(' ', $out);
            if (count($f) !== 3 || !is_numeric($f[0]) || !is_numeric($f[1]) || !is_numeric($f[2])) { fwrite(STDERR, "$side $k failed: $out\n"); exit(1); }
            $rates[$side][] = (float) $f[0];
            $user[$side][] = (float) $f[1];
            $sys[$side][] = (float) $f[2];
        }
    }
    $ours = median($rates['ours']);
    if (isset($rates['pecl'])) {
        $pecl = median($rates['pecl']);
        printf("%-52s ours %5.2f M/s  PECL %5.2f M/s  x%.2f   CPU us/iter user+sys: ours %s  PECL %s\n",
            $label, $ours / 1e6, $pecl / 1e6, $ours / $pecl, cpu_us($user['ours'], $sys['ours']), cpu_us($user['pecl'], $sys['pecl']));
    } else {
        printf("%-52s ours %5.2f M/s   CPU us/iter user+sys: ours %s\n", $label, $ours / 1e6, cpu_us($user['ours'], $sys['ours']));
    }
}
