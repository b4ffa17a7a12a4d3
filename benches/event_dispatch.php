<?php
// Dispatch micro-benchmarks, PECL event 3.1.5 (the oracle) and php-ipc run
// alternately in one run, each case in a fresh process per side and round;
// prints the median rate of each side and the ratio ours/PECL.
//   php benches/event_dispatch.php [REPEAT]
// Environment: PHP_IPC_SO (default target/release/libphp_ipc.so),
// EVENT_ORACLE (default ../shared/oracle/pecl-event/event.so). Without the
// oracle only php-ipc's rates are printed, and the run says so.
// Worker mode (used by the driver): php ... event_dispatch.php --case NAME

function bench_io(): float {
    $N = (int) (getenv('BENCH_N') ?: 1000000);
    $b = new EventBase();
    list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    fwrite($w, "x"); // never read: always readable
    $n = 0;
    $e = new Event($b, $r, Event::READ | Event::PERSIST, function () use (&$n, $b, $N) { if (++$n === $N) $b->stop(); });
    $e->add();
    $t = hrtime(true);
    $b->loop();
    $dt = (hrtime(true) - $t) / 1e9;
    if ($n !== $N) throw new Exception("io: $n");
    return $N / $dt;
}
function bench_rearm(): float {
    $N = (int) (getenv('BENCH_N') ?: 200000);
    $b = new EventBase();
    $n = 0;
    $t = Event::timer($b, function () use (&$t, &$n, $N) { if (++$n < $N) $t->addTimer(0); });
    $t->addTimer(0);
    $s = hrtime(true);
    $b->loop();
    $dt = (hrtime(true) - $s) / 1e9;
    if ($n !== $N) throw new Exception("rearm: $n");
    return $N / $dt;
}
function bench_batch(): float {
    $N = (int) (getenv('BENCH_N') ?: 100000);
    $b = new EventBase();
    $n = 0;
    $cb = function () use (&$n) { $n++; };
    $evs = [];
    $s = hrtime(true);
    for ($i = 0; $i < $N; $i++) {
        $e = Event::timer($b, $cb);
        $e->addTimer(0);
        $evs[] = $e;
    }
    $b->loop();
    $dt = (hrtime(true) - $s) / 1e9;
    if ($n !== $N) throw new Exception("batch: $n");
    return $N / $dt;
}
function bench_nonblock(): float {
    $N = (int) (getenv('BENCH_N') ?: 1000000);
    $b = new EventBase();
    // One pending timer far away: every call polls the backend once.
    $t = Event::timer($b, function () {});
    $t->addTimer(1000);
    $s = hrtime(true);
    for ($i = 0; $i < $N; $i++) $b->loop(EventBase::LOOP_NONBLOCK);
    $dt = (hrtime(true) - $s) / 1e9;
    return $N / $dt;
}

$names = ['io' => '1M callbacks, READ|PERSIST on an always-readable fd',
          'rearm' => '200k one-shot timers re-armed from their callback',
          'batch' => '100k timers created, then fired by one loop()',
          'nonblock' => '1M loop(LOOP_NONBLOCK) calls (one pending timer)'];

if (($argv[1] ?? '') === '--case') {
    printf("%.1f\n", ('bench_' . $argv[2])());
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
$self = escapeshellarg(__FILE__);
foreach ($names as $k => $label) {
    $rates = array_fill_keys(array_keys($sides), []);
    for ($i = 0; $i < $repeat; $i++) {
        // Alternate which side goes first, so drifting load hits both alike.
        $order = $i % 2 ? array_reverse($sides, true) : $sides;
        foreach ($order as $side => $args) {
            $out = trim((string) shell_exec("$php $args $self --case $k 2>&1"));
            if (!is_numeric($out)) { fwrite(STDERR, "$side $k failed: $out\n"); exit(1); }
            $rates[$side][] = (float) $out;
        }
    }
    $ours = median($rates['ours']);
    if (isset($rates['pecl'])) {
        $pecl = median($rates['pecl']);
        printf("%-52s ours %5.2f M/s  PECL %5.2f M/s  x%.2f\n", $label, $ours / 1e6, $pecl / 1e6, $ours / $pecl);
    } else {
        printf("%-52s ours %5.2f M/s\n", $label, $ours / 1e6);
    }
}
