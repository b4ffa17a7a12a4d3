--TEST--
socket_listen(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_STREAM, 0); socket_bind($s, '127.0.0.1');
t(fn() => socket_listen($s)); t(fn() => socket_listen($s, 1000));
$d = socket_create(AF_INET, SOCK_DGRAM, 0); t(fn() => socket_listen($d)); var_dump(socket_last_error($d));
t(fn() => socket_listen($s, 'x'));
?>
--EXPECTF--
bool(true)
bool(true)

Warning: socket_listen(): unable to listen on socket [95]: Operation not supported in %s on line 5
bool(false)
int(95)
TypeError: socket_listen(): Argument #2 ($backlog) must be of type int, string given
