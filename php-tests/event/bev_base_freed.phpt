--TEST--
EventBufferEvent used after its EventBase was freed or released (PECL crashes): buffers still work, nothing is dispatched
--EXTENSIONS--
event
--FILE--
<?php
[$s1, $s2] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$b = new EventBase();
$bev = new EventBufferEvent($b, $s1, 0, function () { echo "never\n"; });
var_dump($bev->enable(Event::READ));
$b->free();
fwrite($s2, "late");
var_dump($bev->getEnabled(), $bev->enable(Event::WRITE), $bev->write("x"), $bev->output->length, $bev->read(10));
$bev->setTimeouts(1, 1);
$bev->setWatermark(Event::READ, 1, 2);
var_dump($bev->setPriority(0));
$bev->free();
// A base released by PHP while a bufferevent still uses it.
$b = new EventBase();
[$x, $y] = EventBufferEvent::createPair($b);
$y->setCallbacks(function ($y) { echo "y read ", $y->read(10), "\n"; }, null, null);
$y->enable(Event::READ);
unset($b);
var_dump($x->write("pair"), $y->input->length);
$x->free();
$y->free();
// A freed base refuses new bufferevents (PECL crashes): createPair() answers
// false, the constructor ends in "Failed to allocate bufferevent for socket".
$b = new EventBase();
$b->free();
var_dump(EventBufferEvent::createPair($b));
echo "end\n";
?>
--EXPECT--
bool(true)
int(6)
bool(false)
bool(true)
int(1)
NULL
bool(true)
bool(true)
int(4)
bool(false)
end
