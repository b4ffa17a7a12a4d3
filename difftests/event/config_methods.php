<?php
// EventConfig: every method with its argument types and error paths, and
// what each configuration makes of the base.
function t($label, $f) { echo "-- $label: "; try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
$c = new EventConfig();
var_dump($c);
foreach (["epoll", "EPOLL", "poll", "select", "kqueue", "", "x\0y", 5, null, []] as $m) {
    $c2 = new EventConfig();
    t("avoidMethod " . json_encode($m), fn() => [$c2->avoidMethod($m), (new EventBase($c2))->getMethod()]);
}
$c3 = new EventConfig();
t("avoid all", function () use ($c3) { $c3->avoidMethod("epoll"); $c3->avoidMethod("poll"); $c3->avoidMethod("select"); return new EventBase($c3); });
foreach ([0, EventConfig::FEATURE_ET, EventConfig::FEATURE_O1, EventConfig::FEATURE_FDS, 3, 5, 7, 8, -1, "4", "x", null] as $f) {
    $c4 = new EventConfig();
    t("requireFeatures " . json_encode($f), function () use ($c4, $f) { $r = $c4->requireFeatures($f); $b = new EventBase($c4); return [$r, $b->getMethod(), $b->getFeatures()]; });
}
foreach ([0, EventBase::NOLOCK, EventBase::IGNORE_ENV, EventBase::STARTUP_IOCP, EventBase::NO_CACHE_TIME, EventBase::EPOLL_USE_CHANGELIST, EventBase::PRECISE_TIMER, 64, -1, "x"] as $fl) {
    $c5 = new EventConfig();
    t("setFlags " . json_encode($fl), function () use ($c5, $fl) { $r = $c5->setFlags($fl); $b = new EventBase($c5); return [$r, $b->getMethod()]; });
}
foreach ([[0, 0, 0], [1, 10, 1], [-1, -1, -1], [1.5, 2, 0], ["1", "2", "3"], ["x", 1, 1], [null, 1, 1]] as $args) {
    $c6 = new EventConfig();
    t("setMaxDispatchInterval " . json_encode($args), fn() => $c6->setMaxDispatchInterval(...$args));
}
t("setMaxDispatchInterval()", fn() => (new EventConfig())->setMaxDispatchInterval(1));
t("avoidMethod()", fn() => (new EventConfig())->avoidMethod());
t("ctor(1)", fn() => new EventConfig(1));
t("serialize", fn() => serialize(new EventConfig()));
t("clone", fn() => clone new EventConfig());
t("__sleep", fn() => (new EventConfig())->__sleep());
// max_callbacks limits the callbacks per iteration at or above min_priority.
$c7 = new EventConfig();
$c7->setMaxDispatchInterval(0, 2, 0);
$b7 = new EventBase($c7);
for ($i = 0; $i < 5; $i++) { $ev[$i] = Event::timer($b7, function ($n) { echo "cb $n\n"; }, $i); $ev[$i]->addTimer(0.001 * $i); }
usleep(10000);
t("loop once", fn() => $b7->loop(EventBase::LOOP_ONCE));
t("loop once", fn() => $b7->loop(EventBase::LOOP_ONCE));
t("loop", fn() => $b7->loop());
echo "done\n";
