--TEST--
EventBase: methods, loop flags and return values, exit(timeout), stop, set, time cache, free
--EXTENSIONS--
event
--FILE--
<?php
$b = new EventBase();
var_dump($b->getMethod(), $b->getFeatures() === (EventConfig::FEATURE_ET | EventConfig::FEATURE_O1 | 8));
// No events: every loop flavour returns true at once.
var_dump($b->loop(), $b->loop(EventBase::LOOP_ONCE), $b->loop(EventBase::LOOP_NONBLOCK), $b->dispatch());
// exit(timeout) ends a loop that would otherwise run for 5 s.
$t = Event::timer($b, function () { echo "never\n"; });
$t->addTimer(5);
$start = microtime(true);
var_dump($b->exit(0.05));
var_dump($b->loop());
$el = microtime(true) - $start;
echo "exit after ~50ms: ", var_export($el > 0.03 && $el < 2, true), " gotExit=", var_export($b->gotExit(), true), "\n";
$t->delTimer();
// stop() outside a loop: the next loop resets it.
var_dump($b->stop(), $b->gotStop());
$n = 0;
$t = Event::timer($b, function () use (&$n) { $n++; });
$t->addTimer(0);
var_dump($b->loop(), $n, $b->gotStop());
// LOOP_ONCE blocks until the first event.
$t->addTimer(0.02);
$start = microtime(true);
$b->loop(EventBase::LOOP_ONCE);
echo "ONCE waited: ", var_export(microtime(true) - $start > 0.01, true), " n=$n\n";
// Time cache.
$now = $b->getTimeOfDayCached();
var_dump(is_float($now), abs($now - microtime(true)) < 1);
// priorityInit while events are active is refused.
$b2 = new EventBase();
$p = Event::timer($b2, function () use ($b2) { var_dump($b2->priorityInit(3)); });
$q = Event::timer($b2, function () {});
$p->addTimer(0); $q->addTimer(0);
$b2->loop();
// Default priority of new events is n/2.
var_dump($b2->priorityInit(5));
$r = Event::timer($b2, function () {});
var_dump($r->setPriority(4), $r->setPriority(5));
// resume() and updateCacheTime() outside a loop.
var_dump($b2->resume(), $b2->updateCacheTime());
// reInit() without fork.
var_dump($b2->reInit());
// free(): events lose their pending state, adding again fails.
$r->addTimer(1);
var_dump($r->pending(Event::TIMEOUT));
$b2->free();
var_dump($r->pending(Event::TIMEOUT));
// PECL crashes on both (the freed event_base is used): ours throws.
try { $r->addTimer(1); } catch (Error $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
try { $b2->loop(); } catch (Error $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
// var_dump and serialization.
var_dump($b2);
try { serialize($b); } catch (EventException $e) { echo $e->getMessage(), "\n"; }
try { unserialize('O:9:"EventBase":0:{}'); } catch (EventException $e) { echo $e->getMessage(), "\n"; }
try { $b->loop("x"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { $b->priorityInit(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
// Dynamic properties: deprecated, not forbidden (PECL registers the classes only as final).
$b->custom = 1;
var_dump($b->custom);
?>
--EXPECTF--
string(5) "epoll"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
exit after ~50ms: true gotExit=true
bool(true)
bool(true)
bool(true)
int(1)
bool(false)
ONCE waited: true n=2
bool(true)
bool(true)
bool(false)
bool(true)

Warning: Event::setPriority(): Unable to set event priority: 5 in %s on line %d
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
Error: EventBase object has been freed
Error: EventBase object has been freed
object(EventBase)#%d (0) {
}
EventBase instances are not serializable
EventBase instances are not serializable
EventBase::loop(): Argument #1 ($flags) must be of type int, string given
EventBase::priorityInit() expects exactly 1 argument, 0 given

Deprecated: Creation of dynamic property EventBase::$custom is deprecated in %s on line %d
int(1)
