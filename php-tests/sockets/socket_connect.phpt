--TEST--
socket_connect(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_STREAM, 0);
t(fn() => socket_connect($s, '127.0.0.1', 1)); var_dump(socket_last_error($s));
t(fn() => socket_connect($s, '127.0.0.1'));
t(fn() => socket_connect($s, 'invalid host name.invalid', 1));
$u = socket_create(AF_UNIX, SOCK_STREAM, 0); t(fn() => socket_connect($u, '/nonexistent/path')); t(fn() => socket_connect($u, str_repeat('x', 300)));
$s6 = socket_create(AF_INET6, SOCK_STREAM, 0); t(fn() => socket_connect($s6, '::1', 1)); t(fn() => socket_connect($s6, '::1'));
?>
--EXPECTF--

Warning: socket_connect(): unable to connect [111]: Connection refused in %s on line 4
bool(false)
int(111)
ValueError: socket_connect(): Argument #3 ($port) cannot be null when the socket type is AF_INET

Warning: socket_connect(): Host lookup failed [-10000]: Unknown error -10000 in %s on line 6
bool(false)

Warning: socket_connect(): unable to connect [2]: No such file or directory in %s on line 7
bool(false)
ValueError: socket_connect(): Argument #2 ($address) must be less than 108

Warning: socket_connect(): unable to connect [111]: Connection refused in %s on line 8
bool(false)
ValueError: socket_connect(): Argument #3 ($port) cannot be null when the socket type is AF_INET6
