--TEST--
socket_last_error(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_STREAM, 0);
t(fn() => socket_last_error($s)); @socket_connect($s, '127.0.0.1', 1); t(fn() => socket_last_error($s)); t(fn() => socket_last_error()); t(fn() => socket_last_error(null));
t(fn() => socket_last_error(new stdClass)); socket_close($s); t(fn() => socket_last_error($s));
?>
--EXPECT--
int(0)
int(111)
int(111)
int(111)
TypeError: socket_last_error(): Argument #1 ($socket) must be of type ?Socket, stdClass given
Error: socket_last_error(): Argument #1 ($socket) has already been closed
