<?php
// Every EventBase method with its arguments' types, counts and edge values.
function t($label, $f) { echo "-- $label: "; try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
$b = new EventBase();
t("getMethod", fn() => $b->getMethod());
t("getFeatures", fn() => $b->getFeatures());
t("getMethod(1)", fn() => $b->getMethod(1));
foreach ([0, 1, 2, 3, 255, 256, -1, "2", "x", 2.5, null, []] as $n) {
    t("priorityInit " . json_encode($n), fn() => $b->priorityInit($n));
}
t("priorityInit()", fn() => $b->priorityInit());
foreach ([-1, 0, EventBase::LOOP_ONCE, EventBase::LOOP_NONBLOCK, 3, 8, "1", "x", null, 1.5] as $fl) {
    t("loop " . json_encode($fl), fn() => $b->loop($fl));
}
// libevent's EVLOOP_NO_EXIT_ON_EMPTY (4): the loop waits until exit() or stop().
foreach ([4, 5, 6, 100] as $fl) {
    $be = new EventBase();
    $be->exit(0.01);
    t("loop $fl after exit(0.01)", fn() => [$be->loop($fl), $be->gotExit()]);
}
t("dispatch", fn() => $b->dispatch());
t("dispatch(1)", fn() => $b->dispatch(1));
foreach ([0, 0.0, -1, -1.0, 0.001, "0.001", "x", null, NAN, INF, -INF, PHP_INT_MAX] as $tm) {
    $b2 = new EventBase();
    t("exit " . var_export($tm, true), fn() => [$b2->exit($tm), $b2->gotExit(), $b2->loop(EventBase::LOOP_NONBLOCK), $b2->gotExit()]);
}
$b3 = new EventBase();
$keep = Event::timer($b3, function () { echo "timer\n"; });
$keep->addTimer(0.2);
t("exit(0.01) with a later timer", fn() => [$b3->exit(0.01), $b3->loop(), $b3->gotExit(), $b3->gotStop(), $keep->pending(Event::TIMEOUT)]);
t("stop outside loop", fn() => [$b3->stop(), $b3->gotStop(), $b3->loop(EventBase::LOOP_NONBLOCK), $b3->gotStop()]);
$s = Event::timer($b3, function () use ($b3) { echo "stopping\n"; var_dump($b3->stop(), $b3->gotStop()); });
$s->addTimer(0);
$s2 = Event::timer($b3, function () { echo "after stop\n"; });
$s2->addTimer(0);
t("loop with stop", fn() => [$b3->loop(), $b3->gotStop(), $b3->gotExit()]);
t("loop again", fn() => [$b3->loop(EventBase::LOOP_ONCE), $b3->gotStop()]);
t("set", fn() => $b->set($s));
t("set(null)", fn() => $b->set(null));
t("set(stdClass)", fn() => $b->set(new stdClass));
t("set()", fn() => $b->set());
$pending = Event::timer($b, function () {});
$pending->addTimer(5);
t("set pending", fn() => $b->set($pending));
t("set to other base", fn() => $b3->set($s2));
t("gotStop", fn() => $b->gotStop());
t("gotExit", fn() => $b->gotExit());
t("getTimeOfDayCached type", fn() => gettype($b->getTimeOfDayCached()));
t("updateCacheTime", fn() => $b->updateCacheTime());
t("reInit", fn() => $b->reInit());
t("resume", fn() => $b->resume());
t("free(1)", fn() => $b->free(1));
t("serialize", fn() => serialize($b));
t("clone", fn() => clone $b);
t("__sleep", fn() => $b->__sleep());
t("__wakeup", fn() => $b->__wakeup());
t("dynamic property", function () use ($b) { $b->x = 1; return $b->x; });
t("var_dump", function () use ($b) { var_dump($b); return get_object_vars($b); });
t("ctor(null)", fn() => (new EventBase(null))->getMethod());
t("ctor(stdClass)", fn() => new EventBase(new stdClass));
t("ctor(1)", fn() => new EventBase(1));
t("ctor(cfg, 2)", fn() => new EventBase(new EventConfig(), 2));
// Time cache inside a callback.
$tc = Event::timer($b3, function () use ($b3) {
    $a = $b3->getTimeOfDayCached(); usleep(20000); $c = $b3->getTimeOfDayCached();
    echo "cached equal: ", var_export($a === $c, true), "\n";
    $b3->updateCacheTime(); $d = $b3->getTimeOfDayCached();
    echo "updated later: ", var_export($d > $a, true), "\n";
    var_dump($b3->resume());
});
$tc->addTimer(0);
t("loop time cache", fn() => $b3->loop(EventBase::LOOP_ONCE));
// Priorities: only the lowest non-empty queue runs per iteration.
$bp = new EventBase();
$bp->priorityInit(3);
foreach ([2, 0, 1, 0] as $i => $p) {
    $ev = Event::timer($bp, function ($n) use ($p) { echo "prio $p #$n\n"; }, $i);
    var_dump($ev->setPriority($p));
    $ev->addTimer(0.001 * $i);
    $evs[] = $ev;
}
usleep(20000);
t("loop once", fn() => $bp->loop(EventBase::LOOP_ONCE));
t("loop once", fn() => $bp->loop(EventBase::LOOP_ONCE));
t("loop", fn() => $bp->loop());
t("priorityInit while active", function () use ($bp) {
    $e = Event::timer($bp, function () use ($bp) { var_dump($bp->priorityInit(4)); });
    $e->addTimer(0);
    return $bp->loop();
});
echo "done\n";
