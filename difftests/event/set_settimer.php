<?php
// Event::set()/setTimer() on pending and active events, inside callbacks,
// callables validated at call time, bad masks, signals and fds.
$b = new EventBase();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
fwrite($w, "x");
$cb1 = function ($fd, $what, $arg) { echo "cb1 what=$what arg=", json_encode($arg), "\n"; };
$cb2 = function ($fd, $what, $arg) { echo "cb2 what=$what arg=", json_encode($arg), "\n"; };
$e = new Event($b, $r, Event::READ, $cb1, "a1");
$e->add();
echo "set pending: "; var_dump($e->set($b, $r, Event::READ | Event::WRITE, $cb2, "a2"));
var_dump($e->pending(Event::READ), $e->pending(Event::WRITE), $e->data);
$b->loop(EventBase::LOOP_ONCE);
echo "set timer pending: ";
$t = Event::timer($b, function ($arg) { echo "timer arg=", json_encode($arg), "\n"; }, "t1");
$t->add(0.01);
var_dump($t->setTimer($b, function ($arg) { echo "timer2 arg=", json_encode($arg), "\n"; }, "t2"));
var_dump($t->pending(Event::TIMEOUT), $t->data);
$b->loop();
echo "set in own callback:\n";
$e2 = null;
$e2 = new Event($b, $r, Event::READ | Event::PERSIST, function ($fd, $what, $arg) use (&$e2, $cb2, $b, $r) {
    echo "first what=$what\n";
    var_dump($e2->pending(Event::READ));
    var_dump($e2->set($b, $r, Event::WRITE, $cb2, "a3"));
    var_dump($e2->pending(Event::READ), $e2->pending(Event::WRITE));
    var_dump($e2->del());
    var_dump($e2->set($b, $r, Event::WRITE, $cb2, "a3"));
    var_dump($e2->add());
}, "a0");
$e2->add();
$b->loop(EventBase::LOOP_ONCE);
$b->loop(EventBase::LOOP_ONCE);
echo "bad callables:\n";
$e3 = new Event($b, $r, Event::READ, $cb1);
try { var_dump($e3->set($b, $r, Event::READ, "nope")); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
try { var_dump($e3->setTimer($b, "nope")); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
try { var_dump($e3->setTimer($b, [1,2])); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
try { var_dump($e3->set($b, $r, Event::READ, null, null)); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
try { var_dump(new Event($b, $r, Event::READ, "nope")); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
try { var_dump(Event::timer($b, "nope")); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
try { var_dump(Event::signal($b, 10, "nope")); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($e3->set($b, $r));
var_dump($e3->set($b, null));
var_dump($e3->set($b, $r, null));
var_dump($e3->set($b, 1, Event::SIGNAL));
var_dump($e3->set($b, 100, Event::SIGNAL));
try { var_dump($e3->set($b, -1, Event::TIMEOUT)); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
try { var_dump($e3->set($b, -1, 0)); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
var_dump($e3->set($b, $r, 1024));
var_dump($e3->set($b, $r, Event::SIGNAL|Event::READ));
var_dump($e3->data);
// setTimer on an active event
$x = new Event($b, $r, Event::READ, function($fd, $what, $arg) { echo "x what=$what arg=$arg\n"; }, "xa");
$y = new Event($b, $r, Event::READ, function($fd, $what, $arg) use ($x, $b) { echo "y fires, x pending=", var_export($x->pending(Event::READ), true), "\n"; try { var_dump($x->set($b, -1, Event::TIMEOUT, function() { echo "x-set\n"; }, "xs")); } catch (Exception $ex) { echo get_class($ex), ": ", $ex->getMessage(), "\n"; } }, "ya");
$y->setPriority(0);
$b->priorityInit(2);
$y->add(); $x->add();
$y->setPriority(0); $x->setPriority(1);
$b->loop(EventBase::LOOP_ONCE);
$b->loop(EventBase::LOOP_NONBLOCK);
echo "done\n";
