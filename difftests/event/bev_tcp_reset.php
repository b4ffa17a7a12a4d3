<?php
// A connection reset by its peer (SO_LINGER 0): ERROR|READING after the data;
// disabling WRITE while connecting keeps the connect going; a read-only,
// deferred client with a low read watermark gets the data and EOF.
$b = new EventBase();
$ls = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($ls, "127.0.0.1", 0); socket_listen($ls, 8); socket_getsockname($ls, $a, $port);
$log = fn($t) => [function ($bev) use ($t) { echo "$t read ", json_encode($bev->read(100)), "\n"; }, function ($bev) use ($t) { echo "$t write\n"; }, function ($bev, $w) use ($t) { echo "$t event $w en=", $bev->getEnabled(), "\n"; }];
// reset by peer
$c = new EventBufferEvent($b, null, 0, ...$log("c"));
$c->connect("127.0.0.1:$port");
$c->disable(Event::WRITE);
echo "enabled while connecting ", $c->getEnabled(), "\n";
$b->loop(EventBase::LOOP_ONCE);
$p = socket_accept($ls);
socket_set_option($p, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
socket_write($p, "bye");
$c->enable(Event::READ);
$b->loop(EventBase::LOOP_NONBLOCK);
socket_close($p);
usleep(10000);
$b->loop(EventBase::LOOP_NONBLOCK);
$c->write("after reset");
$b->loop(EventBase::LOOP_NONBLOCK);
// read-only enabled client, server writes lots then closes
$c = new EventBufferEvent($b, null, EventBufferEvent::OPT_DEFER_CALLBACKS, ...$log("d"));
$c->setWatermark(Event::READ, 10, 0);
$c->enable(Event::READ);
$c->connect("127.0.0.1:$port");
$b->loop(EventBase::LOOP_ONCE);
$p = socket_accept($ls);
socket_write($p, "12345"); 
$b->loop(EventBase::LOOP_NONBLOCK);
socket_write($p, "67890abc");
socket_close($p);
usleep(10000);
$b->loop(EventBase::LOOP_NONBLOCK);
var_dump($c->input->length);
socket_close($ls);
