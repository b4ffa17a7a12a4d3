--TEST--
socket_bind(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_STREAM, 0);
t(fn() => socket_bind($s, '127.0.0.1')); t(fn() => socket_bind($s, '127.0.0.1'));
$s2 = socket_create(AF_INET, SOCK_STREAM, 0); t(fn() => socket_bind($s2, '192.0.2.1', 1)); var_dump(socket_last_error($s2));
t(fn() => socket_bind($s2, '999.1.1.1'));
$u = socket_create(AF_UNIX, SOCK_STREAM, 0); t(fn() => socket_bind($u, str_repeat('y', 108)));
$six = socket_create(AF_INET6, SOCK_STREAM, 0); t(fn() => socket_bind($six, '::1', 0));
?>
--EXPECTF--
bool(true)

Warning: socket_bind(): Unable to bind address [22]: Invalid argument in %s on line 4
bool(false)

Warning: socket_bind(): Unable to bind address [99]: Cannot assign requested address in %s on line 5
bool(false)
int(99)

Warning: socket_bind(): Host lookup failed [-10000]: Unknown error -10000 in %s on line 6
bool(false)
ValueError: socket_bind(): Argument #2 ($address) must be less than 108
bool(true)
