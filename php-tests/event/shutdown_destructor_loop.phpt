--TEST--
Event: callbacks are released with the Event's destructor at request shutdown (a self-referencing Event is freed, not leaked; a loop run later from another destructor skips it where PECL segfaults)
--EXTENSIONS--
event
--FILE--
<?php
// An Event whose callback holds the Event: freed at shutdown (valgrind: no leak).
$b = new EventBase();
$self = Event::timer($b, function () use (&$self) { echo "self timer\n"; });
$self->addTimer(0.001);
$b->loop();

// A pending Event destructed by the engine's shutdown pass before a later object's
// destructor runs the loop: PECL event 3.1.5 segfaults calling the freed callback.
class Runner {
    public $b;
    public $self;
    function __destruct() {
        echo "runner destruct\n";
        var_dump($this->b->loop(EventBase::LOOP_ONCE | EventBase::LOOP_NONBLOCK));
    }
}
$e = new Event($b, -1, Event::TIMEOUT, function () { echo "must not run\n"; });
$e->add(0);
$keep = [$e, $e];
$r = new Runner;
$r->b = $b;
$r->self = $r;
echo "end\n";
?>
--EXPECT--
self timer
end
runner destruct
bool(true)
