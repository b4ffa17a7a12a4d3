--TEST--
socket_strerror(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
foreach ([0, 1, 13, 98, 111, -10001, -10004, 5000, -5] as $e) t(fn() => socket_strerror($e));
t(fn() => socket_strerror(PHP_INT_MAX)); t(fn() => socket_strerror('x'));
?>
--EXPECT--
string(7) "Success"
string(23) "Operation not permitted"
string(17) "Permission denied"
string(22) "Address already in use"
string(18) "Connection refused"
string(12) "Unknown host"
string(31) "No address associated with name"
string(18) "Unknown error 5000"
string(16) "Unknown error -5"
ValueError: socket_strerror(): Argument #1 ($error_code) must be between -2147483648 and 2147483647
TypeError: socket_strerror(): Argument #1 ($error_code) must be of type int, string given
