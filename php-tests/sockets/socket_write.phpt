--TEST--
socket_write(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
t(fn() => socket_write($p[0], 'hello')); t(fn() => socket_write($p[0], 'hello', 2)); t(fn() => socket_write($p[0], 'hello', 100)); t(fn() => socket_write($p[0], 'hello', null));
t(fn() => socket_write($p[0], 'x', -1)); t(fn() => socket_write($p[0], ''));
t(fn() => socket_read($p[1], 100));
socket_close($p[1]); t(fn() => @socket_write($p[0], 'x')); var_dump(socket_last_error($p[0]));
?>
--EXPECT--
int(5)
int(2)
int(5)
int(5)
ValueError: socket_write(): Argument #3 ($length) must be greater than or equal to 0
int(0)
string(17) "hellohehellohello"
bool(false)
int(32)
