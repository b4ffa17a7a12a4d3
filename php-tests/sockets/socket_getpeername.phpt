--TEST--
socket_getpeername(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_DGRAM, 0);
t(fn() => socket_getpeername($s, $a, $p)); var_dump(socket_last_error($s));
socket_connect($s, '127.0.0.1', 9); t(fn() => socket_getpeername($s, $a, $p)); var_dump($a, $p);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pp); t(fn() => socket_getpeername($pp[0], $a)); var_dump($a);
?>
--EXPECTF--

Warning: socket_getpeername(): unable to retrieve peer name [107]: Transport endpoint is not connected in %s on line 4
bool(false)
int(107)
bool(true)

Warning: Undefined variable $a in %s on line 5

Warning: Undefined variable $p in %s on line 5
NULL
NULL
bool(true)

Warning: Undefined variable $a in %s on line 6
NULL
