<?php
// setCallbacks(): the argument is kept when none or null is given; callbacks
// get ($bev, $arg) or ($bev, $events, $arg).
$b = new EventBase();
[$x, $y] = EventBufferEvent::createPair($b);
$y->enable(Event::READ);
$x->setCallbacks(null, function ($bev, $arg) { echo "w1 "; var_dump($arg); }, null, "FIRST");
$x->write("a"); $b->loop(EventBase::LOOP_NONBLOCK);
$x->setCallbacks(null, function ($bev, $arg) { echo "w2 "; var_dump($arg); }, null);
$x->write("a"); $b->loop(EventBase::LOOP_NONBLOCK);
$x->setCallbacks(null, function ($bev, $arg) { echo "w3 "; var_dump($arg); }, null, null);
$x->write("a"); $b->loop(EventBase::LOOP_NONBLOCK);
$x->setCallbacks(function ($bev, $arg) { echo "r "; var_dump($arg); }, function ($bev, $arg) { echo "w4 "; var_dump(func_num_args()); }, function () { echo "e ", func_num_args(), "\n"; }, [1]);
$x->write("a"); $b->loop(EventBase::LOOP_NONBLOCK);
$y->write("zz"); $x->enable(Event::READ); $b->loop(EventBase::LOOP_NONBLOCK);
$x->setTimeouts(0.01, 0); $b->loop(EventBase::LOOP_ONCE);
$s = new EventBufferEvent($b, null, 0, null, function ($bev, $arg) { echo "sw "; var_dump($arg); });
$s->setCallbacks(null, function ($bev, $arg) { echo "sw2 "; var_dump($arg); }, null);
