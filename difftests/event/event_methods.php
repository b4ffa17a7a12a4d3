<?php
// Every Event method with argument types and edge values: add/addTimer/addSignal
// timeouts, del*, setPriority, pending flags, removeTimer, getSupportedMethods,
// timer()/signal(), and the data property.
function t($label, $f) { echo "-- $label: "; try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
$b = new EventBase();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$cb = function ($fd, $what, $arg) { echo "io what=$what arg=", json_encode($arg), "\n"; };
t("getSupportedMethods", fn() => Event::getSupportedMethods());
t("getSupportedMethods(1)", fn() => Event::getSupportedMethods(1));
$e = new Event($b, $r, Event::READ, $cb, "a");
foreach ([-1, 0, 0.5, 10, "1", "x", null, [], true, NAN, INF, -2, PHP_INT_MAX] as $tv) {
    t("add " . var_export($tv, true), function () use ($e, $tv) { $res = $e->add($tv); $p = [$e->pending(Event::READ), $e->pending(Event::TIMEOUT)]; $e->del(); return [$res, $p]; });
}
t("add(1, 2)", fn() => $e->add(1, 2));
t("addTimer()", fn() => [$e->addTimer(), $e->pending(Event::READ), $e->delTimer(), $e->pending(Event::READ)]);
t("addSignal(2)", fn() => [$e->addSignal(2), $e->pending(Event::TIMEOUT), $e->delSignal()]);
foreach ([0, 1, Event::READ, Event::WRITE, Event::TIMEOUT, Event::SIGNAL, Event::PERSIST, Event::ET, 0xff, -1, "2", "x"] as $f) {
    t("pending($f) on READ+timeout", function () use ($e, $f) { $e->add(5); $p = $e->pending($f); $e->del(); return $p; });
}
t("pending()", fn() => $e->pending());
$b->priorityInit(4);
$p = new Event($b, $r, Event::READ, $cb);
foreach ([0, 1, 3, 4, -1, "2", "x", 2.5, null] as $prio) {
    t("setPriority " . json_encode($prio), fn() => $p->setPriority($prio));
}
t("removeTimer on READ+timeout", function () use ($e) { $e->add(5); $x = $e->removeTimer(); $res = [$x, $e->pending(Event::READ), $e->pending(Event::TIMEOUT)]; $e->del(); return $res; });
t("removeTimer not pending", fn() => $e->removeTimer());
t("removeTimer(1)", fn() => $e->removeTimer(1));
// Timers: add(0) and re-arming; persist with timeout; READ with timeout firing as TIMEOUT.
$persist = new Event($b, $r, Event::READ | Event::PERSIST, function ($fd, $what) use (&$persist, &$n) { echo "persist what=$what\n"; if (++$n >= 3) $persist->del(); });
$n = 0;
$persist->add(0.01);
t("loop persist timeouts", fn() => $b->loop());
$t = Event::timer($b, function ($arg) use (&$t, &$m) { echo "timer arg=$arg\n"; if (++$m < 3) $t->addTimer(0.001); }, "T");
$m = 0;
$t->addTimer(0.001);
t("loop re-armed timer", fn() => $b->loop());
t("timer(no cb)", fn() => Event::timer($b));
t("timer(string base)", fn() => Event::timer("x", $cb));
t("timer(bad cb)", fn() => Event::timer($b, "no_such_function"));
t("timer 4 args", fn() => Event::timer($b, $cb, 1, 2));
t("signal(SIGUSR1)", fn() => Event::signal($b, SIGUSR1, $cb));
t("signal('x')", fn() => Event::signal($b, "x", $cb));
t("signal(0)", fn() => Event::signal($b, 0, $cb));
t("signal(-1)", fn() => Event::signal($b, -1, $cb));
t("signal(65)", fn() => Event::signal($b, 65, $cb));
t("signal(64)", fn() => get_class(Event::signal($b, 64, $cb)));
// Signals delivered and counted.
$sig = Event::signal($b, SIGUSR1, function ($signo, $arg) use ($b, &$sig) { echo "signal $signo arg=", json_encode($arg), "\n"; $sig->del(); }, ["s"]);
$sig->add();
posix_kill(posix_getpid(), SIGUSR1);
t("loop signal", fn() => $b->loop());
// data property.
$d = new Event($b, $r, Event::READ, $cb, ["x" => 1]);
$d->data["y"] = 2;
$d->data[] = 3;
t("data", fn() => $d->data);
$ref = &$d->data;
$ref = "by ref";
t("data by ref", fn() => $d->data);
unset($ref);
$d->data = new ArrayObject([1]);
t("data object", fn() => get_class($d->data));
t("pending write", function () use ($d) { try { $d->pending = true; } catch (Throwable $x) { return get_class($x); } });
echo "done\n";
