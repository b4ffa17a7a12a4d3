--TEST--
socket_clear_error(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_STREAM, 0); @socket_connect($s, '127.0.0.1', 1);
t(fn() => socket_clear_error($s)); var_dump(socket_last_error($s), socket_last_error());
t(fn() => socket_clear_error()); var_dump(socket_last_error());
t(fn() => socket_clear_error('x'));
?>
--EXPECT--
NULL
int(0)
int(111)
NULL
int(0)
TypeError: socket_clear_error(): Argument #1 ($socket) must be of type ?Socket, string given
