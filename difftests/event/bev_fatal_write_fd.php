<?php
// The fd, input and output properties cannot be written (a fatal error);
// priority and allow_ssl_dirty_shutdown ignore writes.
$b = new EventBase();
$bev = new EventBufferEvent($b);
$bev->priority = 1;
$bev->allow_ssl_dirty_shutdown = false;
var_dump($bev->priority, $bev->allow_ssl_dirty_shutdown);
$bev->fd = 3;
echo "not reached\n";
