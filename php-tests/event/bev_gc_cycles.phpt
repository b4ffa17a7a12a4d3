--TEST--
EventBufferEvent: callbacks, arg and property buffers are seen by the cycle collector; a collected bufferevent stops
--EXTENSIONS--
event
--FILE--
<?php
class Arg { public $bev; public $name; function __construct($n) { $this->name = $n; } function __destruct() { echo "destruct {$this->name}\n"; } }
$b = new EventBase();
[$s1, $s2] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
function via_callback($b, $s) {
    // The read callback captures the bufferevent by reference.
    $bev = new EventBufferEvent($b, $s, 0, function () use (&$bev) { echo "never (callback)\n"; }, null, null, new Arg('via callback'));
    $bev->enable(Event::READ);
}
via_callback($b, $s1);
$n = gc_collect_cycles(); echo "after via_callback: ", $n > 0 ? "collected" : "nothing", "\n";
function via_arg($b, $s) {
    $a = new Arg('via arg');
    $a->bev = new EventBufferEvent($b, $s, 0, function () { echo "never (arg)\n"; }, null, null, $a);
    $a->bev->enable(Event::READ);
}
via_arg($b, $s1);
$n = gc_collect_cycles(); echo "after via_arg: ", $n > 0 ? "collected" : "nothing", "\n";
function via_set_callbacks($b, $s) {
    $bev = new EventBufferEvent($b, $s);
    $bev->setCallbacks(function () use ($bev) { echo "never (setCallbacks)\n"; }, null, null, new Arg('via setCallbacks'));
    $bev->enable(Event::READ);
}
via_set_callbacks($b, $s1);
$n = gc_collect_cycles(); echo "after via_set_callbacks: ", $n > 0 ? "collected" : "nothing", "\n";
// The collected bufferevents are gone from the base: data on the socket
// runs no callback and loop() finds nothing to wait for.
fwrite($s2, "data");
var_dump($b->loop());
// A live one is kept and works.
$keep = new EventBufferEvent($b, $s1, 0, function ($bev, $arg) { echo "kept read ", $bev->read(10), " ", $arg->name, "\n"; $bev->disable(Event::READ); }, null, null, new Arg('kept'));
$keep->enable(Event::READ);
gc_collect_cycles();
$b->loop();
echo "end\n";
?>
--EXPECT--
destruct via callback
after via_callback: collected
destruct via arg
after via_arg: collected
destruct via setCallbacks
after via_set_callbacks: collected
bool(true)
kept read data kept
end
destruct kept
