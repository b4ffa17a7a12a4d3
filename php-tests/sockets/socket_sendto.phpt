--TEST--
socket_sendto(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$a = socket_create(AF_INET, SOCK_DGRAM, 0); socket_bind($a, '127.0.0.1'); socket_getsockname($a, $ad, $ap);
$b = socket_create(AF_INET, SOCK_DGRAM, 0);
t(fn() => socket_sendto($b, 'hello', 3, 0, '127.0.0.1', $ap)); t(fn() => socket_sendto($b, 'hello', 3, 0, '127.0.0.1'));
t(fn() => socket_sendto($b, 'x', -3, 0, '127.0.0.1', $ap)); t(fn() => socket_recv($a, $m, 10, 0)); var_dump($m);
$u = socket_create(AF_UNIX, SOCK_DGRAM, 0); t(fn() => socket_sendto($u, 'x', 1, 0, '/nonexistent/sock'));
?>
--EXPECTF--
int(3)
ValueError: socket_sendto(): Argument #6 ($port) cannot be null when the socket type is AF_INET
ValueError: socket_sendto(): Argument #3 ($length) must be greater than or equal to 0
int(3)

Warning: Undefined variable $m in %s on line 6
NULL

Warning: socket_sendto(): Unable to write to socket [2]: No such file or directory in %s on line 7
bool(false)
