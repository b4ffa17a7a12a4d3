--TEST--
Event: freed, unset or re-added inside its own callback; 10,000 events registered from a callback
--EXTENSIONS--
event
--FILE--
<?php
$b = new EventBase();
list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
fwrite($w, "x");
// free() inside its own persistent callback.
$n = 0;
$e = new Event($b, $r, Event::READ | Event::PERSIST, function () use (&$e, &$n) { $n++; $e->free(); });
$e->add();
var_dump($b->loop());
echo "freed in callback: n=$n\n";
// The last reference dropped inside the callback: the object lives until the callback returns.
class D { function __destruct() { echo "arg destroyed\n"; } }
$holder = ['ev' => null];
$holder['ev'] = new Event($b, $r, Event::READ | Event::PERSIST, function ($fd, $what, $arg) use (&$holder) {
    unset($holder['ev']);
    echo "after unset, still running; arg is ", get_class($arg), "\n";
}, new D);
$holder['ev']->add();
var_dump($b->loop());
echo "loop ended\n";
// Re-added inside its own callback with a different timeout, three times.
$k = 0;
$t = Event::timer($b, function () use (&$t, &$k) { if (++$k < 3) $t->addTimer(0.001 * $k); });
$t->addTimer(0);
$b->loop();
echo "re-armed timer ran $k times\n";
// A callback registering 10,000 timers and 10,000 io events; all fire.
$fired = 0;
$evs = [];
$reg = Event::timer($b, function () use ($b, &$evs, &$fired, $r) {
    for ($i = 0; $i < 10000; $i++) {
        $t = Event::timer($b, function () use (&$fired) { $fired++; });
        $t->addTimer(($i % 10) * 0.001);
        $evs[] = $t;
        $io = new Event($b, $r, Event::READ, function () use (&$fired) { $fired++; });
        $io->add();
        $evs[] = $io;
    }
});
$reg->addTimer(0);
var_dump($b->loop());
echo "fired: $fired\n";
$evs = [];
fclose($r); fclose($w);
?>
--EXPECT--
bool(true)
freed in callback: n=1
after unset, still running; arg is D
arg destroyed
bool(true)
loop ended
re-armed timer ran 3 times
bool(true)
fired: 20000
