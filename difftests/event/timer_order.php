<?php
// The order in which timers due at the same time fire: libevent keeps them in
// a binary heap (ties are not FIFO) on a coarse monotonic clock. Timers are
// added from a callback, where the loop's time cache makes "now" the same for
// all of them, so the deadlines tie exactly on both sides.
$b = new EventBase();
$log = [];
$mk = function ($name) use ($b, &$log) { return Event::timer($b, function ($n) use (&$log) { $log[] = $n; }, $name); };
$scenarios = [
    'eight equal' => function () use ($mk) { $t = []; for ($i = 0; $i < 8; $i++) { $t[$i] = $mk($i); $t[$i]->addTimer(0.01); } return $t; },
    'equal, some deleted' => function () use ($mk) { $t = []; for ($i = 0; $i < 10; $i++) { $t[$i] = $mk($i); $t[$i]->addTimer(0.01); } $t[3]->del(); $t[0]->del(); $t[9]->del(); return $t; },
    'equal, some re-added' => function () use ($mk) { $t = []; for ($i = 0; $i < 9; $i++) { $t[$i] = $mk($i); $t[$i]->addTimer(0.01); } $t[2]->addTimer(0.01); $t[5]->addTimer(0.01); $t[0]->addTimer(0.01); return $t; },
    'two groups' => function () use ($mk) { $t = []; for ($i = 0; $i < 12; $i++) { $t[$i] = $mk($i); $t[$i]->addTimer($i % 2 ? 0.01 : 0.02); } return $t; },
    'mixed with zero' => function () use ($mk) { $t = []; foreach ([0.01, 0, 0.01, 0, 0.005, 0.01, 0, 0.005] as $i => $tv) { $t[$i] = $mk($i); $t[$i]->addTimer($tv); } return $t; },
    'removeTimer and free' => function () use ($mk) { $t = []; for ($i = 0; $i < 7; $i++) { $t[$i] = $mk($i); $t[$i]->addTimer(0.01); } $t[1]->removeTimer(); $t[4]->free(); return $t; },
];
foreach ($scenarios as $name => $make) {
    $log = [];
    $keep = null;
    $starter = Event::timer($b, function () use (&$keep, $make) { $keep = $make(); });
    $starter->addTimer(0);
    $b->loop();
    echo str_pad($name, 24), implode(" ", $log), "\n";
}
// Persistent timer events re-armed by the loop, several with one interval.
$log = [];
$per = [];
$starter = Event::timer($b, function () use (&$per, $b, &$log) {
    for ($i = 0; $i < 4; $i++) {
        $per[$i] = new Event($b, -1, Event::TIMEOUT | Event::PERSIST, function ($fd, $what, $n) use (&$log, &$per, $b) {
            $log[] = $n;
            if (count($log) >= 12) { foreach ($per as $p) $p->del(); }
        }, $i);
        $per[$i]->add(0.01);
    }
});
$starter->addTimer(0);
$b->loop();
echo str_pad("persistent x4", 24), implode(" ", $log), "\n";
