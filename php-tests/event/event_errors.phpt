--TEST--
Event: error paths (bad fd, bad flags, EBADF, free then use, invalid signals, pending modifications)
--EXTENSIONS--
event
--FILE--
<?php
$b = new EventBase();
$cb = function () {};
foreach (['-1' => -1, 'string' => 'abc', 'array' => [], 'object' => new stdClass, 'float' => 1.5] as $n => $fd) {
    try { new Event($b, $fd, Event::READ, $cb); echo "$n: constructed\n"; }
    catch (Throwable $t) { echo "$n: ", get_class($t), ": ", $t->getMessage(), "\n"; }
}
try { new Event($b, fopen('php://memory', 'r'), Event::READ, $cb); } catch (Exception $t) { echo $t->getMessage(), "\n"; }
try { new Event(new stdClass, 0, Event::READ, $cb); } catch (TypeError $t) { echo $t->getMessage(), "\n"; }
try { new Event($b, 0, "x", $cb); } catch (TypeError $t) { echo $t->getMessage(), "\n"; }
try { new Event($b, 0); } catch (ArgumentCountError $t) { echo $t->getMessage(), "\n"; }
// Bad mask: a warning, and an object without an event.
$e = new Event($b, 0, 0x4000, $cb);
var_dump($e->add(), $e->del());
// PECL dereferences NULL in pending(), removeTimer() and setPriority() of such an object: ours throws.
foreach (['pending' => [Event::READ], 'removeTimer' => [], 'setPriority' => [0]] as $m => $args) {
    try { $e->$m(...$args); } catch (Error $x) { echo "$m: ", get_class($x), ": ", $x->getMessage(), "\n"; }
}
// (SIGNAL mixed with READ/WRITE is PECL's fatal error "event_new failed": difftests/event/ctor_descriptors.php.)
// Invalid signals.
$e = new Event($b, 65, Event::SIGNAL, $cb);
var_dump(Event::signal($b, -1, $cb));
var_dump(Event::signal($b, 64, $cb) instanceof Event);
// EBADF: an fd that is not open.
$e = new Event($b, 4321, Event::READ, $cb);
var_dump($e->add(), $e->pending(Event::READ));
list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$fd = EventUtil::getSocketFd($r);
fclose($r);
$e = new Event($b, $fd, Event::READ, $cb);
var_dump($e->add());
// A closed stream resource.
try { new Event($b, $r, Event::READ, $cb); } catch (Exception $t) { echo $t->getMessage(), "\n"; }
// Free, then use.
$t = Event::timer($b, $cb);
$t->addTimer(5);
var_dump($t->pending(Event::TIMEOUT));
$t->free();
$t->free();
var_dump($t->addTimer(1), $t->del());
foreach (['pending' => [Event::TIMEOUT], 'removeTimer' => [], 'setPriority' => [0]] as $m => $args) {
    try { $t->$m(...$args); } catch (Error $x) { echo "$m: ", get_class($x), ": ", $x->getMessage(), "\n"; }
}
var_dump($t->pending, $t->data);
var_dump($b->loop(EventBase::LOOP_NONBLOCK));
// Modifying pending events.
$t = Event::timer($b, $cb);
$t->addTimer(5);
var_dump($t->setTimer($b, $cb));
$io = new Event($b, $w, Event::WRITE, $cb);
$io->add();
var_dump($io->set($b, $w, Event::READ));
$io->del();
var_dump($io->set($b, $w, 0x4000));
var_dump($io->set($b, $w, Event::SIGNAL));
// Priorities out of range.
var_dump($io->setPriority(-1), $io->setPriority(1));
// Re-entrant loop.
$re = Event::timer($b, function () use ($b) { var_dump($b->loop()); });
$re->addTimer(0);
$t->delTimer();
$b->loop();
// An uninitialized base.
try { $c = new EventConfig(); $c->avoidMethod('epoll'); $c->avoidMethod('poll'); $c->avoidMethod('select'); $bb = new EventBase($c); }
catch (EventException $x) { echo "EventException\n"; }
// Serializing an Event stores its properties (PECL has no __sleep for Event);
// an unserialized Event has no event behind it. Cloning is refused.
$se = Event::timer($b, $cb, [1]);
echo serialize($se), "\n";
$u = unserialize(serialize($se));
var_dump($u->addTimer(0), $u->data);
try { clone $se; } catch (Error $x) { echo $x->getMessage(), "\n"; }
fclose($w);
echo "done\n";
?>
--EXPECTF--
-1: Exception: Invalid file descriptor
string: Exception: Invalid file descriptor
array: Exception: Invalid file descriptor
object: Exception: Invalid file descriptor
float: Exception: Invalid file descriptor
Cannot fetch file descriptor from memory based stream
Event::__construct(): Argument #1 ($base) must be of type EventBase, stdClass given
Event::__construct(): Argument #3 ($what) must be of type int, string given
Event::__construct() expects at least 4 arguments, 2 given

Warning: Event::__construct(): Invalid mask in %s on line %d

Warning: Event::add(): Failed adding event: Event object is malformed or freed in %s on line %d

Warning: Event::del(): Failed deletting event in %s on line %d
bool(false)
bool(false)
pending: Error: Event object is malformed or freed
removeTimer: Error: Event object is malformed or freed
setPriority: Error: Event object is malformed or freed

Warning: Event::__construct(): Invalid signal passed in %s on line %d

Warning: Event::signal(): Invalid signal passed in %s on line %d
bool(false)
bool(true)

Warning: Event::add(): Epoll ADD(1) on fd %d failed. Old events were 0; read change was 1 (add); write change was 0 (none); close change was 0 (none): Bad file descriptor in %s on line %d

Warning: Event::add(): Failed adding event in %s on line %d
bool(false)
bool(false)

Warning: Event::add(): Epoll ADD(1) on fd %d failed. Old events were 0; read change was 1 (add); write change was 0 (none); close change was 0 (none): Bad file descriptor in %s on line %d

Warning: Event::add(): Failed adding event in %s on line %d
bool(false)
valid PHP stream resource expected
bool(true)

Warning: Event::addTimer(): Failed adding event: Event object is malformed or freed in %s on line %d

Warning: Event::del(): Failed deletting event in %s on line %d
bool(false)
bool(false)
pending: Error: Event object is malformed or freed
removeTimer: Error: Event object is malformed or freed
setPriority: Error: Event object is malformed or freed
NULL
NULL
bool(true)

Warning: Event::setTimer(): Can't modify pending timer in %s on line %d
bool(false)

Warning: Event::set(): Can't modify pending event in %s on line %d
bool(false)

Warning: Event::set(): Invalid events mask in %s on line %d
bool(false)
bool(true)

Warning: Event::setPriority(): Unable to set event priority: -1 in %s on line %d

Warning: Event::setPriority(): Unable to set event priority: 1 in %s on line %d
bool(false)
bool(false)

Warning: EventBase::loop(): event_base_loop: reentrant invocation.  Only one event_base_loop can run on each event_base at once. in %s on line %d
bool(false)

Warning: EventBase::__construct(): event_base_new_with_config: no event mechanism available in %s on line %d
EventException
O:5:"Event":2:{s:7:"pending";b:0;s:4:"data";a:1:{i:0;i:1;}}

Warning: Event::addTimer(): Failed adding event: Event object is malformed or freed in %s on line %d
bool(false)
NULL
Trying to clone an uncloneable object of class Event
done
