--TEST--
socket_create_listen(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = t(fn() => socket_create_listen(0));
socket_getsockname($s, $a, $p); var_dump($a, $p > 0);
socket_set_option($s, SOL_SOCKET, SO_REUSEADDR, 1);
$s2 = socket_create(AF_INET, SOCK_STREAM, 0); socket_bind($s2, '0.0.0.0', $p); socket_listen($s2);
t(fn() => socket_create_listen($p));
t(fn() => socket_create_listen('x'));
?>
--EXPECTF--
object(Socket)#2 (0) {
}
string(7) "0.0.0.0"
bool(true)

Warning: socket_bind(): Unable to bind address [98]: Address already in use in %s on line 6

Warning: socket_create_listen(): unable to bind to given address [98]: Address already in use in %s on line 7
bool(false)
TypeError: socket_create_listen(): Argument #1 ($port) must be of type int, string given
