<?php
// Object handlers of the event classes: clone, serialize, var_export, print_r,
// comparison, casts, Reflection instances without constructor, re-construction.
$b = new EventBase();
$c = new EventConfig();
$e = Event::timer($b, function () {}, ["d"]);
$e->addTimer(5);
function t($f) { try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
t(fn() => clone $e);
t(fn() => serialize($e));
t(fn() => unserialize(serialize($e)));
t(fn() => unserialize('O:5:"Event":0:{}'));
t(fn() => var_export($e, true));
t(fn() => print_r($e, true));
t(fn() => $e == Event::timer($b, function () {}, ["d"]));
t(fn() => (string)$e);
t(fn() => (array)$c);
t(fn() => get_object_vars($c));
t(fn() => var_export($c, true));
t(fn() => serialize($c));
t(fn() => clone $c);
t(fn() => $c == new EventConfig());
t(fn() => $b == new EventBase());
t(fn() => new Event());
t(fn() => (new ReflectionClass('Event'))->newInstanceWithoutConstructor());
t(fn() => (new ReflectionClass('EventBase'))->newInstanceWithoutConstructor()->getMethod());
t(fn() => (new ReflectionClass('EventConfig'))->newInstanceWithoutConstructor()->avoidMethod('x'));
t(fn() => (new ReflectionClass('EventUtil'))->newInstanceWithoutConstructor());
$x = (new ReflectionClass('Event'))->newInstanceWithoutConstructor(); t(fn() => [$x->pending, $x->data, $x->add()]);
$x = (new ReflectionClass('Event'))->newInstanceWithoutConstructor(); var_dump($x);
$x = (new ReflectionClass('EventBase'))->newInstanceWithoutConstructor(); t(fn() => [$x->loop(), $x->free()]);
t(fn() => new EventException());
t(fn() => get_class_methods('EventUtil'));
t(fn() => $e->__construct($b, -1, Event::TIMEOUT, function () {}));
t(fn() => [$e->__construct($b, -1, Event::TIMEOUT, function () {}, 'new'), $e->data, $e->pending]);
t(fn() => $b->__construct());
t(fn() => [$c->__construct(), $c]);
t(fn() => [$e == $e, $e != Event::timer($b, function () {}, 5), $e == new stdClass, $e < Event::timer($b, function () {}), $b == new stdClass, $c == $b]);
t(fn() => [$e <=> Event::timer($b, function () {}), new EventConfig() <=> new EventConfig()]);
echo "done\n";
