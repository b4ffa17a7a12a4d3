<?php
// Dispatch micro-benchmarks (the four of the issue), each REPEAT times;
// prints the median rate and the ratio to PECL event 3.1.5's measured rate.
//   php -n -d extension=target/release/libphp_ipc.so benches/event_dispatch.php [REPEAT]
$repeat = (int) ($argv[1] ?? 5);
$pecl = ['io' => 1.05e6, 'rearm' => 1.6e6, 'batch' => 0.73e6, 'nonblock' => 3.2e6];
function median(array $a) { sort($a); return $a[intdiv(count($a) - 1, 2)]; }

function bench_io(): float {
    $N = 1000000;
    $b = new EventBase();
    list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    fwrite($w, "x"); // never read: always readable
    $n = 0;
    $e = new Event($b, $r, Event::READ | Event::PERSIST, function () use (&$n, $b, $N) { if (++$n === $N) $b->stop(); });
    $e->add();
    $t = hrtime(true);
    $b->loop();
    $dt = (hrtime(true) - $t) / 1e9;
    assert($n === $N);
    return $N / $dt;
}
function bench_rearm(): float {
    $N = 200000;
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
    $N = 100000;
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
    $N = 1000000;
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
foreach ($names as $k => $label) {
    $rates = [];
    for ($i = 0; $i < $repeat; $i++) $rates[] = ('bench_' . $k)();
    $m = median($rates);
    printf("%-52s %6.2f M/s  (PECL %.2f M/s, x%.2f)\n", $label, $m / 1e6, $pecl[$k] / 1e6, $m / $pecl[$k]);
}
