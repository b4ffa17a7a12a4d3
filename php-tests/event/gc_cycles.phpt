--TEST--
Event: callback and arg cycles are collected by gc_collect_cycles() (PECL leaks them)
--EXTENSIONS--
event
--FILE--
<?php
class Arg { public $event; public $name; function __construct($n) { $this->name = $n; } function __destruct() { echo "destruct {$this->name}\n"; } }
$b = new EventBase();
function make($b) {
    // Cycle through the callback: the closure captures the Event by reference.
    $e = new Event($b, -1, Event::TIMEOUT, function () use (&$e) {}, new Arg('via callback'));
    $e->add(10);
}
make($b);
$n = gc_collect_cycles();
echo "after make: ", $n > 0 ? "collected" : "nothing", "\n";
function make2($b) {
    // Cycle through the argument: the arg holds the Event.
    $a = new Arg('via arg');
    $a->event = Event::timer($b, function ($arg) {}, $a);
    $a->event->addTimer(10);
}
make2($b);
$n = gc_collect_cycles();
echo "after make2: ", $n > 0 ? "collected" : "nothing", "\n";
// The collected events are no longer pending in the base: loop() returns at once.
$t = microtime(true);
var_dump($b->loop());
echo "returned at once: ", var_export(microtime(true) - $t < 1, true), "\n";
// A live Event is not collected.
$keep = Event::timer($b, function () { echo "kept timer fired\n"; }, new Arg('kept'));
$keep->addTimer(0);
gc_collect_cycles();
$b->loop();
echo "end\n";
?>
--EXPECT--
destruct via callback
after make: collected
destruct via arg
after make2: collected
bool(true)
returned at once: true
kept timer fired
end
destruct kept
