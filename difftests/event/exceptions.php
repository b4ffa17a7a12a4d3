<?php
// EventException and exceptions thrown from callbacks: the warning, the
// loop's state afterwards, and what reaches the caller.
$r = new ReflectionClass('EventException');
var_dump($r->getParentClass()->getName(), $r->isFinal(), array_map(fn($p) => $p->getName(), $r->getProperties()));
$e = new EventException("msg", 5);
var_dump($e->getMessage(), $e->getCode(), $e->errorInfo);
$e->errorInfo = [1];
var_dump($e->errorInfo);
try { throw new EventException("x"); } catch (RuntimeException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
$b = new EventBase();
foreach (['Exception', 'EventException', 'TypeError', 'Error', 'ValueError'] as $cls) {
    $t = Event::timer($b, function () use ($cls) { echo "throwing $cls\n"; throw new $cls("from $cls"); });
    $t->addTimer(0);
    $t2 = Event::timer($b, function () { echo "second timer\n"; });
    $t2->addTimer(0);
    try { var_dump($b->loop()); } catch (Throwable $x) { echo "caught ", get_class($x), ": ", $x->getMessage(), "\n"; }
    var_dump($b->gotStop(), $b->gotExit(), $t->pending(Event::TIMEOUT), $t2->pending(Event::TIMEOUT));
    var_dump($b->loop(EventBase::LOOP_NONBLOCK));
}
// A callback with the wrong signature (TypeError raised calling it).
$t = Event::timer($b, function (int $x) { echo "never\n"; }, "not an int");
$t->addTimer(0);
try { $b->loop(); } catch (Throwable $x) { echo "caught ", get_class($x), ": ", $x->getMessage(), "\n"; }
// A persistent io event whose callback throws is deleted.
[$rs, $ws] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
fwrite($ws, "x");
$io = new Event($b, $rs, Event::READ | Event::PERSIST, function () { throw new Exception("io"); });
$io->add();
try { $b->loop(); } catch (Exception $x) { echo "caught ", $x->getMessage(), "\n"; }
var_dump($io->pending(Event::READ));
// A non-callable callback is skipped silently at dispatch.
$nc = new Event($b, -1, Event::TIMEOUT, "no_such_function");
$nc->add(0);
var_dump($b->loop());
// Exception thrown from a nested loop's callback.
$outer = Event::timer($b, function () use ($b) {
    $b2 = new EventBase();
    $in = Event::timer($b2, function () { throw new Exception("inner"); });
    $in->addTimer(0);
    try { $b2->loop(); } catch (Exception $x) { echo "inner caught\n"; }
    echo "outer continues\n";
});
$outer->addTimer(0);
var_dump($b->loop());
// EventBase constructor failure raises EventException.
$c = new EventConfig();
$c->requireFeatures(8);
try { new EventBase($c); } catch (EventException $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; var_dump($x->errorInfo); }
echo "done\n";
