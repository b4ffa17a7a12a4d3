--TEST--
Event: no memory growth over 50,000 create/add/fire/free cycles; events outliving their EventBase; reInit() in a forked child on poll
--EXTENSIONS--
event
pcntl
--FILE--
<?php
$b = new EventBase();
list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
fwrite($w, "x");
$cycle = function ($n) use ($b, $r) {
    for ($i = 0; $i < $n; $i++) {
        $arg = ['i' => $i, 's' => str_repeat('x', 10)];
        $t = Event::timer($b, function ($a) use (&$t) { $t->free(); }, $arg);
        $t->addTimer(0);
        $io = new Event($b, $r, Event::READ, function ($fd, $what, $a) {}, $arg);
        $io->add(0.5);
        $b->loop(EventBase::LOOP_ONCE);
        $io->free();
        unset($t, $io);
    }
};
$cycle(20000); // warm up past a few GC runs, so the root buffer is at its steady size
$m0 = memory_get_usage();
$cycle(50000);
$m1 = memory_get_usage();
echo "growth under 64 KiB: ", var_export($m1 - $m0 < 65536, true), "\n";
// The last cycles (Event -> callback -> reference -> Event) wait for the next GC run:
// collect them now, as a debug PHP does at shutdown (a release PHP leaves objects of
// uncollected cycles to the end of the request, PECL's Events as well).
gc_collect_cycles();

// Events outliving their base: methods fail cleanly.
$b2 = new EventBase();
$e = Event::timer($b2, function () {});
$e->addTimer(1);
unset($b2);
var_dump($e->pending(Event::TIMEOUT));
// PECL crashes here (the event's base was freed): ours throws.
try { $e->addTimer(1); } catch (Error $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
$e->free();

// reInit() in a child with the poll backend.
$c = new EventConfig();
$c->avoidMethod('epoll');
$pb = new EventBase($c);
list($pr, $pw) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$got = '';
$pe = new Event($pb, $pr, Event::READ | Event::PERSIST, function ($fd) use (&$got, &$pe) { $got .= fread($fd, 10); $pe->del(); });
$pe->add();
$pid = pcntl_fork();
if ($pid === 0) {
    $pb->reInit();
    fwrite($pw, "child");
    $pb->loop();
    exit($got === 'child' ? 0 : 1);
}
pcntl_waitpid($pid, $st);
echo "child on ", $pb->getMethod(), " exit ", pcntl_wexitstatus($st), "\n";
var_dump($pe->pending(Event::READ));
fwrite($pw, "parent");
$pb->loop();
echo "parent got: $got\n";

// Like PECL, an Event does not keep its stream open: dropping the last
// reference closes it (the peer sees EOF), and the callback then gets the fd number.
list($sa, $sb) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$lb = new EventBase();
$le = new Event($lb, $sa, Event::WRITE, function ($fd) { echo "callback fd is ", get_debug_type($fd), "\n"; });
$sa = null;
var_dump(fread($sb, 10), feof($sb));
?>
--EXPECTF--
growth under 64 KiB: true
bool(false)
Error: EventBase object has been freed
child on poll exit 0
bool(true)
parent got: parent
string(0) ""
bool(true)
