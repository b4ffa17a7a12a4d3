--TEST--
socket_set_nonblock(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
t(fn() => socket_set_nonblock($p[0]));
t(fn() => socket_read($p[0], 10)); var_dump(socket_last_error($p[0]));
socket_close($p[0]); t(fn() => socket_set_nonblock($p[0]));
t(fn() => socket_set_nonblock(null));
?>
--EXPECT--
bool(true)
bool(false)
int(11)
Error: socket_set_nonblock(): Argument #1 ($socket) has already been closed
TypeError: socket_set_nonblock(): Argument #1 ($socket) must be of type Socket, null given
