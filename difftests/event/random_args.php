<?php
// Seeded random calls: every Event/EventBase/EventConfig/EventUtil method with
// random argument types, values and call orders, including after free().
// Paths where PECL crashes (docs/event.md, php-tests/event/freed_objects.phpt) are
// skipped by tracking which objects are freed; everything else must print the same.
mt_srand(20261128);
$out = function ($label, $f) {
    try { $v = $f(); echo $label, " => ", is_object($v) ? get_class($v) : (is_resource($v) ? get_resource_type($v) : json_encode($v, JSON_PARTIAL_OUTPUT_ON_ERROR)), "\n"; }
    catch (Throwable $x) { echo $label, " !! ", get_class($x), ": ", $x->getMessage(), "\n"; }
};
$tmp = tempnam(sys_get_temp_dir(), 'evr');
$pairs = [];
for ($i = 0; $i < 3; $i++) { $pairs[] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0); }
fwrite($pairs[0][1], "data");
$closed = fopen($tmp, 'r'); fclose($closed);
$values = [0, 1, 2, -1, 5, 64, 1024, -7, 0.5, 1.5, -1.0, "", "x", "2", "0.01", null, true, false, [], [1, 2], new stdClass,
    $pairs[0][0], $pairs[0][1], $pairs[1][0], $closed, fopen('php://memory', 'r'), fopen($tmp, 'r'), STDERR];
$whats = [0, Event::READ, Event::WRITE, Event::READ | Event::WRITE, Event::TIMEOUT, Event::PERSIST, Event::READ | Event::PERSIST,
    Event::WRITE | Event::ET, Event::READ | Event::PERSIST | Event::ET, Event::SIGNAL, Event::SIGNAL | Event::PERSIST, 128, -1, 1 << 20];
$pick = fn(array $a) => $a[mt_rand(0, count($a) - 1)];
$bases = [new EventBase()];
$freedBase = [false];
$events = [];
$state = []; // per event: base index
$calls = 0;
// Callbacks record what they got; each loop prints the sorted record, since
// timers due at the same time fire in an order that depends on libevent's heap
// (docs/event.md) and is tested with distinct deadlines elsewhere.
$fired = [];
$cbs = [
    function ($fd = null, $what = null, $arg = null) use (&$fired) { $fired[] = "cb what=" . json_encode($what); },
    function ($a = null, $b = null) use (&$fired) { $fired[] = "cb2 " . json_encode($b); },
];
for ($step = 0; $step < 3000; $step++) {
    $op = mt_rand(0, 24);
    $live = array_keys(array_filter($freedBase, fn($f) => !$f));
    $bi = $pick($live);
    $b = $bases[$bi];
    $ei = $events ? mt_rand(0, count($events) - 1) : null;
    $e = $ei !== null ? $events[$ei] : null;
    // An Event is usable where PECL does not crash: not freed/malformed (pending property NULL) and its base alive.
    $eUsable = $e && !$freedBase[$state[$ei]] && $e->pending !== null;
    switch ($op) {
        case 0: case 1: case 2:
            $fd = $pick($values); $what = $pick($whats);
            $out("$step new Event(fd " . gettype($fd) . ", $what)", function () use (&$events, &$state, $b, $bi, $fd, $what, $pick, $cbs) {
                $ev = new Event($b, $fd, $what, $pick($cbs), mt_rand(0, 1) ? null : mt_rand());
                $events[] = $ev; $state[] = $bi; return $ev->pending;
            });
            break;
        case 3:
            $out("$step Event::timer", function () use (&$events, &$state, $b, $bi, $cbs, $pick) { $events[] = $ev = Event::timer($b, $pick($cbs), "t"); $state[] = $bi; return $ev->pending; });
            break;
        case 4:
            $s = $pick([SIGUSR1, SIGUSR2, 0, -1, 65, "x", SIGKILL]);
            $out("$step Event::signal " . json_encode($s), function () use (&$events, &$state, $b, $bi, $cbs, $pick, $s) { $ev = Event::signal($b, $s, $pick($cbs)); if ($ev) { $events[] = $ev; $state[] = $bi; } return $ev ? $ev->pending : $ev; });
            break;
        case 5: case 6:
            if ($e && !$freedBase[$state[$ei]]) { $tv = $pick([-1, 0, 30, "x", null, 20.5]); $out("$step add " . json_encode($tv), fn() => $e->add($tv)); }
            break;
        case 7:
            if ($e && !$freedBase[$state[$ei]]) $out("$step addTimer", fn() => $e->addTimer($pick([0, 30])));
            break;
        case 8:
            if ($e) $out("$step del", fn() => $e->del());
            break;
        case 9:
            if ($eUsable) $out("$step pending", fn() => $e->pending($pick([Event::READ, Event::WRITE, Event::TIMEOUT, Event::SIGNAL, 15, 0])));
            break;
        case 10:
            if ($eUsable) $out("$step setPriority", fn() => $e->setPriority($pick([0, 1, 2, -1, 300, "x"])));
            break;
        case 11:
            if ($eUsable) $out("$step removeTimer", fn() => $e->removeTimer());
            break;
        case 12:
            if ($eUsable) { $fd = $pick($values); $what = $pick($whats); $out("$step set(" . gettype($fd) . ", $what)", fn() => $e->set($b, $fd, $what, mt_rand(0, 2) ? $pick($cbs) : null, mt_rand(0, 1) ? "s" : null)); $state[$ei] = $bi; }
            break;
        case 13:
            if ($eUsable && $e->pending === false) { $out("$step setTimer", fn() => $e->setTimer($b, $pick($cbs), "st")); $state[$ei] = $bi; }
            break;
        case 14:
            if ($e && mt_rand(0, 3) == 0) $out("$step free", fn() => $e->free());
            break;
        case 15:
            if ($e) $out("$step data", function () use ($e) { $e->data = [mt_rand(0, 9)]; return [$e->data, $e->pending]; });
            break;
        case 16: case 17:
            $out("$step loop", function () use ($b, &$fired) { $fired = []; $b->exit(0); $r = [$b->loop($GLOBALS['pick']([EventBase::LOOP_NONBLOCK, EventBase::LOOP_NONBLOCK | EventBase::LOOP_ONCE, -1, 0])), $b->gotExit(), $b->gotStop()]; sort($fired); return [$r, $fired]; });
            break;
        case 18:
            // Never below 3 once raised: lowering it under a pending event's priority fails a libevent assertion in PECL.
            $out("$step priorityInit", fn() => $b->priorityInit($pick([3, 0, 256, "x"])));
            break;
        case 19:
            if ($eUsable && mt_rand(0, 1)) { $out("$step base->set", fn() => $b->set($e)); $state[$ei] = $bi; }
            break;
        case 20:
            $out("$step base misc", fn() => [$b->getMethod(), $b->getFeatures(), $b->stop(), $b->resume(), $b->updateCacheTime(), $b->gotStop(), $b->gotExit(), $b->reInit()]);
            break;
        case 21:
            if (mt_rand(0, 20) == 0) { $out("$step base free", fn() => $b->free()); $freedBase[$bi] = true; $bases[] = new EventBase(); $freedBase[] = false; }
            break;
        case 22:
            $c = new EventConfig();
            $out("$step config", function () use ($c, $pick) { return [$c->avoidMethod($pick(["epoll", "poll", "x"])), $c->requireFeatures($pick([0, 1, 4])), $c->setFlags($pick([0, 1, 8, 16])), $c->setMaxDispatchInterval($pick([0, 1]), $pick([-1, 1, 5]), $pick([0, 1])), (new EventBase($c))->getMethod()]; });
            break;
        case 23:
            $v = $pick($values);
            $out("$step util " . gettype($v), fn() => [EventUtil::getSocketFd($v) >= 0, EventUtil::setSocketOption($v, SOL_SOCKET, SO_KEEPALIVE, 1), EventUtil::getSocketName($v, $addr), is_int(EventUtil::getLastSocketErrno($v))]);
            break;
        case 24:
            if ($e && mt_rand(0, 4) == 0) { $out("$step unset", function () use (&$events, &$state, $ei) { array_splice($events, $ei, 1); array_splice($state, $ei, 1); return count($events); }); }
            break;
    }
}
foreach ($bases as $i => $b) { if (!$freedBase[$i]) { $b->exit(0); $out("final loop $i", fn() => $b->loop(EventBase::LOOP_NONBLOCK)); } }
unlink($tmp);
echo "done\n";
