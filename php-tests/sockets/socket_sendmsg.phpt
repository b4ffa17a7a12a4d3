--TEST--
socket_sendmsg(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, $p);
t(fn() => socket_sendmsg($p[0], ['iov' => ['a', 'b']]));
t(fn() => socket_sendmsg($p[0], ['iov' => 'x']));
t(fn() => socket_sendmsg($p[0], [], PHP_INT_MAX));
t(fn() => socket_sendmsg($p[0], 'x'));
?>
--EXPECTF--
int(2)

Warning: socket_sendmsg(): error converting user data (path: msghdr > iov): expected an array here in %s on line 5
bool(false)
ValueError: socket_sendmsg(): Argument #3 ($flags) must be between -2147483648 and 2147483647
TypeError: socket_sendmsg(): Argument #2 ($message) must be of type array, string given
