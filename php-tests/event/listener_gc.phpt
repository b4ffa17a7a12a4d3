--TEST--
EventListener: callback, error callback and argument cycles are collected by gc_collect_cycles() (PECL leaks them)
--EXTENSIONS--
event
--FILE--
<?php
class Arg { public $l; public $name; function __construct($n) { $this->name = $n; } function __destruct() { echo "destruct {$this->name}\n"; } }
function listening($fd) { return $fd !== null && file_exists("/proc/self/fd/$fd") ? "open" : "closed"; }
$b = new EventBase();
$fds = [];
function make($b, &$fds) {
    // Through the accept callback: the closure captures the listener.
    $l = new EventListener($b, function () use (&$l) {}, new Arg('via callback'), EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
    $fds[] = $l->fd;
}
function make2($b, &$fds) {
    // Through the argument: the arg holds the listener.
    $a = new Arg('via arg');
    $a->l = new EventListener($b, function () {}, $a, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
    $fds[] = $a->l->fd;
}
function make3($b, &$fds) {
    // Through the error callback.
    $l = new EventListener($b, function () {}, new Arg('via error callback'), EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
    $l->setErrorCallback(function () use ($l) {});
    $fds[] = $l->fd;
}
make($b, $fds);
make2($b, $fds);
make3($b, $fds);
echo "before: ", implode(" ", array_map('listening', $fds)), "\n";
$n = gc_collect_cycles();
echo "collected: ", $n > 0 ? "yes" : "no", "\n";
// Collected listeners were freed: CLOSE_ON_FREE closed their sockets and the base has nothing pending.
echo "after: ", implode(" ", array_map('listening', $fds)), "\n";
var_dump($b->loop());
// A listener in use is not collected.
$keep = new EventListener($b, function ($l, $fd) { echo "accepted\n"; $l->getBase()->exit(); }, new Arg('kept'), EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
gc_collect_cycles();
$s = socket_import_stream(fopen("php://fd/" . $keep->fd, "r"));
socket_getsockname($s, $ip, $port);
$c = stream_socket_client("tcp://127.0.0.1:$port");
$b->loop();
echo "end\n";
?>
--EXPECT--
before: open open open
destruct via callback
destruct via error callback
destruct via arg
collected: yes
after: closed closed closed
bool(true)
accepted
end
destruct kept
