--TEST--
Event: uses of freed or malformed Events and freed EventBases where PECL event crashes, fails a libevent assertion or hangs: a catchable Error (or a sane result) here
--EXTENSIONS--
event
--FILE--
<?php
// Each case below crashes PECL event 3.1.5 (segfault), stops it at a libevent
// assertion, or loops forever; docs/event.md lists them. The differential tests
// (difftests/event/freed_*.php) cover everything PECL answers.
function t($label, $f) { echo "$label: "; try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$b = new EventBase();
$cb = function () { echo "callback\n"; };

// A freed Event (PECL: NULL event dereferenced).
$e = new Event($b, $r, Event::READ, $cb);
$e->free();
t("pending()", fn() => $e->pending(Event::READ));
t("removeTimer()", fn() => $e->removeTimer());
t("setPriority()", fn() => $e->setPriority(0));
t("set()", fn() => $e->set($b, $r, Event::READ));
t("setTimer()", fn() => $e->setTimer($b, $cb));
t("EventBase::set()", fn() => $b->set($e));
$e->data[] = 1; // PECL: segfault; here the freed Event's data stays NULL
t("data", fn() => $e->data);

// A malformed Event (bad mask): the same.
$m = @new Event($b, $r, 0x4000, $cb);
t("malformed pending()", fn() => $m->pending(Event::READ));
t("malformed setPriority()", fn() => $m->setPriority(0));

// A freed EventBase (PECL: segfault, or libevent's "Assertion base failed").
$fb = new EventBase();
$fe = new Event($fb, $r, Event::READ, $cb);
$fb->free();
foreach (['getMethod', 'getFeatures', 'loop', 'dispatch', 'gotStop', 'gotExit', 'reInit'] as $method) {
    t($method, fn() => $fb->$method());
}
t("priorityInit", fn() => $fb->priorityInit(2));
t("set", fn() => $fb->set($fe));
t("add() of its event", fn() => $fe->add());
t("Event::set() onto it", fn() => (new Event($b, $r, Event::READ, $cb))->set($fb, $r, Event::READ));
t("Event::setTimer() onto it", fn() => Event::timer($b, $cb)->setTimer($fb, $cb));
// An event created on the freed base: libevent's own warnings, then an Error
// where PECL dereferences the missing base.
$orphan = new Event($fb, $r, Event::READ, $cb);
t("orphan setPriority()", fn() => $orphan->setPriority(0));
t("EventBase::set(orphan)", fn() => $b->set($orphan));
$orphan->free();

// unserialize() of an EventBase: __wakeup throws; PECL then destroys an object without a base (segfault).
t("unserialize", fn() => unserialize('O:9:"EventBase":0:{}'));
t("unserialize EventConfig", fn() => unserialize('O:11:"EventConfig":0:{}'));

// EventBase::free() from a callback of its running loop (PECL: segfault).
$b2 = new EventBase();
$x = Event::timer($b2, function () use ($b2) { echo "in callback\n"; $b2->free(); echo "freed\n"; });
$x->addTimer(0);
$y = Event::timer($b2, function () { echo "second timer\n"; });
$y->addTimer(0);
t("loop", fn() => $b2->loop());
t("gotExit", fn() => $b2->gotExit());

// priorityInit() lowered below a pending event's priority (PECL: libevent's
// "Assertion evcb->evcb_pri < base->nactivequeues failed"): here the event
// runs in the last queue.
$bq = new EventBase();
$bq->priorityInit(3);
$hi = Event::timer($bq, function () { echo "priority 2 event runs\n"; });
var_dump($hi->setPriority(2));
$hi->addTimer(0);
var_dump($bq->priorityInit(1));
t("loop", fn() => $bq->loop());

// foreach over an EventBase with a dynamic property (PECL: segfault): nothing to iterate.
$fe2 = new EventBase();
@$fe2->dyn = 1;
foreach ($fe2 as $k => $v) { echo "never $k\n"; }
foreach ($fe2 as $k => &$v) { echo "never $k\n"; }
echo "foreach over EventBase: done\n";

// setTimer() on an event pending for READ (PECL re-assigns the inserted event:
// its next loop calls the timer callback forever).
fwrite($w, "x");
$io = new Event($b, $r, Event::READ, function () { echo "io\n"; });
$io->add();
t("setTimer on a READ-pending event", fn() => $io->setTimer($b, function () { echo "timer\n"; }));
t("pending READ", fn() => $io->pending(Event::READ));
t("loop", fn() => $b->loop(EventBase::LOOP_NONBLOCK));
echo "done\n";
?>
--EXPECTF--
pending(): Error: Event object is malformed or freed
removeTimer(): Error: Event object is malformed or freed
setPriority(): Error: Event object is malformed or freed
set(): Error: Event object is malformed or freed
setTimer(): Error: Event object is malformed or freed
EventBase::set(): Error: Event object is malformed or freed
data: NULL
malformed pending(): Error: Event object is malformed or freed
malformed setPriority(): Error: Event object is malformed or freed
getMethod: Error: EventBase object has been freed
getFeatures: Error: EventBase object has been freed
loop: Error: EventBase object has been freed
dispatch: Error: EventBase object has been freed
gotStop: Error: EventBase object has been freed
gotExit: Error: EventBase object has been freed
reInit: Error: EventBase object has been freed
priorityInit: Error: EventBase object has been freed
set: Error: EventBase object has been freed
add() of its event: Error: EventBase object has been freed
Event::set() onto it: Error: EventBase object has been freed
Event::setTimer() onto it: Error: EventBase object has been freed
orphan setPriority(): Error: Event object is malformed or freed
EventBase::set(orphan): 
Warning: EventBase::set(): event_pending: event has no event_base set. in %s on line %d
Error: Event object is malformed or freed

Warning: Event::free(): event_del_: event has no event_base set. in %s on line %d
unserialize: EventException: EventBase instances are not serializable
unserialize EventConfig: EventException: EventConfig instances are not serializable
loop: in callback
freed
second timer
bool(true)
gotExit: bool(true)
bool(true)
bool(true)
loop: priority 2 event runs
bool(true)
foreach over EventBase: done
setTimer on a READ-pending event: bool(true)
pending READ: bool(false)
loop: bool(true)
done
