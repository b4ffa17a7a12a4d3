<?php
// An Event after free(): its properties, var_dump, and the methods PECL
// answers (the ones where PECL dereferences NULL are in php-tests/event/freed_objects.phpt).
function t($label, $f) { echo "-- $label: "; try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
$b = new EventBase();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$e = new Event($b, $r, Event::READ, function () { echo "never\n"; }, ["d"]);
$e->add();
var_dump($e);
$e->free();
var_dump($e);
print_r($e); echo "\n";
t("pending prop", fn() => $e->pending);
t("data", fn() => $e->data);
t("isset", fn() => [isset($e->data), isset($e->pending), empty($e->pending), property_exists($e, 'data')]);
t("get_object_vars", fn() => get_object_vars($e));
t("array cast", fn() => (array)$e);
t("serialize", fn() => serialize($e));
t("json", fn() => json_encode($e));
t("add", fn() => $e->add());
t("add(1)", fn() => $e->add(1));
t("addTimer", fn() => $e->addTimer(1));
t("addSignal", fn() => $e->addSignal());
t("del", fn() => $e->del());
t("delTimer", fn() => $e->delTimer());
t("delSignal", fn() => $e->delSignal());
t("free again", fn() => $e->free());
$e->data = 5;
t("data after write", fn() => $e->data);
unset($e->data);
var_dump($e);
fwrite($w, "x");
t("loop", fn() => $b->loop(EventBase::LOOP_NONBLOCK));
// free() inside the event's own callback, and the argument it received.
$e2 = null;
$e2 = new Event($b, $r, Event::READ | Event::PERSIST, function ($fd, $what, $arg) use (&$e2) {
    echo "callback what=$what arg=", json_encode($arg), "\n";
    $e2->free();
    echo "after free: data=", json_encode($e2->data), " pending=", json_encode($e2->pending), "\n";
    var_dump($e2);
    echo "arg still ", json_encode($arg), "\n";
}, ["k" => "v"]);
$e2->add();
t("loop", fn() => $b->loop(EventBase::LOOP_ONCE));
t("loop again", fn() => $b->loop(EventBase::LOOP_NONBLOCK));
// Timer freed from its callback, signal freed before it fires.
$t = Event::timer($b, function ($arg) use (&$t) { echo "timer $arg\n"; $t->free(); var_dump($t); }, "targ");
$t->addTimer(0.001);
$s = Event::signal($b, SIGUSR2, function () { echo "signal never\n"; });
$s->addSignal();
$s->free();
t("loop timer", fn() => $b->loop());
var_dump($t, $s);
// unset of the last reference while pending.
$u = new Event($b, $r, Event::READ, function () { echo "unset never\n"; });
$u->add();
unset($u);
t("loop after unset", fn() => $b->loop(EventBase::LOOP_NONBLOCK));
// After free(), the property table keeps what it last showed.
$seen = Event::timer($b, function () {}, [1]);
@$seen->dyn = 2;
foreach ($seen as $k => $v) { echo "$k ", json_encode($v), "\n"; }
$seen->free();
foreach ($seen as $k => $v) { echo "after free $k ", json_encode($v), "\n"; }
var_dump(get_object_vars($seen), json_encode($seen), $seen->data, $seen->pending);
var_dump($seen);
echo "done\n";
