--TEST--
sockets: PHP_NORMAL_READ on a non-blocking socket returns instead of spinning (native busy-loops)
--EXTENSIONS--
sockets
pcntl
--FILE--
<?php
pcntl_alarm(5);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_set_nonblock($p[0]);
$t = microtime(true);
var_dump(socket_read($p[0], 100, PHP_NORMAL_READ));
var_dump(socket_last_error($p[0]) === SOCKET_EAGAIN);
socket_write($p[1], "partial");
var_dump(socket_read($p[0], 100, PHP_NORMAL_READ));
socket_write($p[1], "line\nnext");
var_dump(socket_read($p[0], 100, PHP_NORMAL_READ));
var_dump(microtime(true) - $t < 2);
?>
--EXPECT--
bool(false)
bool(true)
string(7) "partial"
string(5) "line
"
bool(true)
