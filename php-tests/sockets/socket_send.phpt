--TEST--
socket_send(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
t(fn() => socket_send($p[0], 'abcdef', 3, 0)); t(fn() => socket_send($p[0], 'abc', 100, MSG_DONTWAIT)); t(fn() => socket_send($p[0], 'x', -1, 0));
t(fn() => socket_read($p[1], 100));
socket_close($p[1]); t(fn() => socket_send($p[0], 'x', 1, MSG_NOSIGNAL));
?>
--EXPECTF--
int(3)
int(3)
ValueError: socket_send(): Argument #3 ($length) must be greater than or equal to 0
string(6) "abcabc"

Warning: socket_send(): Unable to write to socket [32]: Broken pipe in %s on line 6
bool(false)
