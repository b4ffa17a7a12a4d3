--TEST--
EventConfig: avoidMethod, requireFeatures (FEATURE_FDS selects poll), setFlags, setMaxDispatchInterval
--EXTENSIONS--
event
--FILE--
<?php
$c = new EventConfig();
var_dump($c->requireFeatures(EventConfig::FEATURE_FDS));
$b = new EventBase($c);
var_dump($b->getMethod(), $b->getFeatures());
// poll can watch a regular file; epoll cannot.
$tmp = tmpfile();
fwrite($tmp, "data");
$hit = 0;
$e = new Event($b, $tmp, Event::READ, function ($fd, $what) use (&$hit) { $hit = $what; });
var_dump($e->add());
$b->loop(EventBase::LOOP_ONCE);
var_dump($hit === Event::READ);
$epoll = new EventBase();
$e2 = new Event($epoll, $tmp, Event::READ, function () {});
var_dump($e2->add());
// FEATURE_ET|FEATURE_O1 keeps epoll; ET|FDS has no backend.
$c = new EventConfig();
$c->requireFeatures(EventConfig::FEATURE_ET | EventConfig::FEATURE_O1);
var_dump((new EventBase($c))->getMethod());
$c = new EventConfig();
$c->requireFeatures(EventConfig::FEATURE_ET | EventConfig::FEATURE_FDS);
try { new EventBase($c); } catch (EventException $ex) { echo get_class($ex), "\n"; }
// avoidMethod is case-sensitive, like libevent's strcmp (PECL event: 'EPOLL' avoids nothing).
$c = new EventConfig();
$c->avoidMethod('EPOLL');
var_dump((new EventBase($c))->getMethod());
// setMaxDispatchInterval: at most 2 callbacks of priority >= 0 per iteration; LOOP_ONCE
// goes on while callbacks stay active, so all five run.
$c = new EventConfig();
var_dump($c->setMaxDispatchInterval(0, 2, 0));
$b = new EventBase($c);
$log = [];
$evs = [];
for ($i = 0; $i < 5; $i++) {
    $evs[$i] = Event::timer($b, function ($i) use (&$log, $b) { $log[] = $i; }, $i);
    $evs[$i]->addTimer(0);
}
$b->loop(EventBase::LOOP_ONCE);
echo "first ONCE pass ran ", count($log), "\n";
$b->loop();
sort($log); // timers due together fire in libevent's heap order (difftests/event/timer_order.php)
echo "all ran: ", implode(',', $log), "\n";
// TypeErrors
try { $c->setMaxDispatchInterval("x", 1, 1); } catch (TypeError $t) { echo $t->getMessage(), "\n"; }
try { $c->avoidMethod(); } catch (ArgumentCountError $t) { echo $t->getMessage(), "\n"; }
try { unserialize('O:11:"EventConfig":0:{}'); } catch (Throwable $t) { echo get_class($t), ": ", $t->getMessage(), "\n"; }
fclose($tmp);
?>
--EXPECTF--
bool(true)
string(4) "poll"
int(12)
bool(true)
bool(true)

Warning: Event::add(): Epoll ADD(1) on fd %d failed. Old events were 0; read change was 1 (add); write change was 0 (none); close change was 0 (none): Operation not permitted in %s on line %d

Warning: Event::add(): Failed adding event in %s on line %d
bool(false)
string(5) "epoll"

Warning: EventBase::__construct(): event_base_new_with_config: no event mechanism available in %s on line %d
EventException
string(5) "epoll"
NULL
first ONCE pass ran 5
all ran: 0,1,2,3,4
EventConfig::setMaxDispatchInterval(): Argument #1 ($max_interval) must be of type float, string given
EventConfig::avoidMethod() expects exactly 1 argument, 0 given
EventException: EventConfig instances are not serializable
