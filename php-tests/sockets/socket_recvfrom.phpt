--TEST--
socket_recvfrom(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$a = socket_create(AF_INET, SOCK_DGRAM, 0); socket_bind($a, '127.0.0.1'); socket_getsockname($a, $ad, $ap);
$b = socket_create(AF_INET, SOCK_DGRAM, 0); socket_sendto($b, 'dgram', 5, 0, '127.0.0.1', $ap);
t(fn() => socket_recvfrom($a, $buf, 100, 0, $from, $port)); var_dump($buf, $from);
t(fn() => socket_recvfrom($a, $buf, 100, MSG_DONTWAIT, $from, $port));
t(fn() => socket_recvfrom($a, $buf, 100, 0, $from));
t(fn() => socket_recvfrom($a, $buf, 0, 0, $from, $port));
?>
--EXPECTF--
int(5)

Warning: Undefined variable $buf in %s on line 5

Warning: Undefined variable $from in %s on line 5
NULL
NULL
bool(false)
ArgumentCountError: Wrong parameter count for socket_recvfrom()
bool(false)
