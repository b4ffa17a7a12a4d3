<?php
// EventBase::free() and destroyed bases: what the base's methods answer
// (where PECL crashes or fails a libevent assertion, see php-tests/event/freed_objects.phpt),
// and the events created before.
function t($label, $f) { echo "-- $label: "; try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$b = new EventBase();
$e = new Event($b, $r, Event::READ, function () { echo "never\n"; }, ["d"]);
$e->add(5);
$t = Event::timer($b, function () { echo "never\n"; }, 1);
$t->addTimer(0.5);
var_dump($e->pending(Event::READ), $t->pending(Event::TIMEOUT));
t("free", fn() => $b->free());
var_dump($b);
t("exit", fn() => $b->exit());
t("exit(1)", fn() => $b->exit(1));
t("stop", fn() => $b->stop());
t("updateCacheTime", fn() => $b->updateCacheTime());
t("resume", fn() => $b->resume());
t("getTimeOfDayCached", fn() => is_float($b->getTimeOfDayCached()));
t("free twice", fn() => $b->free());
t("serialize", fn() => serialize($b));
t("e pending", fn() => [$e->pending(Event::READ), $e->pending(Event::TIMEOUT), $e->pending]);
t("t pending", fn() => [$t->pending(Event::TIMEOUT), $t->pending]);
var_dump($e, $t);
t("e del", fn() => $e->del());
t("e delTimer", fn() => $e->delTimer());
t("e setPriority", fn() => $e->setPriority(0));
t("e removeTimer", fn() => $e->removeTimer());
t("t del", fn() => $t->del());
t("e data", fn() => $e->data);
$e->data = "new";
t("e data written", fn() => $e->data);
t("e free", fn() => $e->free());
var_dump($e);
echo "done\n";
