--TEST--
socket_getsockname(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_DGRAM, 0); socket_bind($s, '127.0.0.1', 0);
t(fn() => socket_getsockname($s, $a, $p)); var_dump($a, is_int($p));
t(fn() => socket_getsockname($s, $a)); var_dump($a);
$u = socket_create(AF_UNIX, SOCK_DGRAM, 0); t(fn() => socket_getsockname($u, $a, $p)); var_dump($a, $p);
$six = socket_create(AF_INET6, SOCK_DGRAM, 0); t(fn() => socket_getsockname($six, $a, $p)); var_dump($a, $p);
?>
--EXPECTF--
bool(true)

Warning: Undefined variable $a in %s on line 4

Warning: Undefined variable $p in %s on line 4
NULL
bool(false)
bool(true)

Warning: Undefined variable $a in %s on line 5
NULL
bool(true)

Warning: Undefined variable $a in %s on line 6

Warning: Undefined variable $p in %s on line 6
NULL
NULL
bool(true)

Warning: Undefined variable $a in %s on line 7

Warning: Undefined variable $p in %s on line 7
NULL
NULL
