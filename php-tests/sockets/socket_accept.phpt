--TEST--
socket_accept(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$l = socket_create(AF_INET, SOCK_STREAM, 0); socket_bind($l, '127.0.0.1'); socket_listen($l); socket_getsockname($l, $a, $p);
$c = socket_create(AF_INET, SOCK_STREAM, 0); socket_connect($c, '127.0.0.1', $p);
t(fn() => socket_accept($l) instanceof Socket);
socket_set_nonblock($l); t(fn() => socket_accept($l)); var_dump(socket_last_error());
$u = socket_create(AF_INET, SOCK_STREAM, 0); t(fn() => socket_accept($u));
socket_close($u); t(fn() => socket_accept($u));
t(fn() => socket_accept(1));
?>
--EXPECTF--
bool(true)
bool(false)
int(11)

Warning: socket_accept(): unable to accept incoming connection [22]: Invalid argument in %s on line 7
bool(false)
Error: socket_accept(): Argument #1 ($socket) has already been closed
TypeError: socket_accept(): Argument #1 ($socket) must be of type Socket, int given
