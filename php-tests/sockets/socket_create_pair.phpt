--TEST--
socket_create_pair(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
t(fn() => socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p)); var_dump(count($p), $p[0] instanceof Socket);
t(fn() => socket_create_pair(AF_INET, SOCK_STREAM, 0, $p));
t(fn() => socket_create_pair(-1, SOCK_STREAM, 0, $p));
t(fn() => socket_create_pair(AF_UNIX, 11, 0, $p));
class C { public int $x = 0; } $c = new C; t(fn() => socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $c->x)); var_dump($c->x);
?>
--EXPECTF--
bool(true)

Warning: Undefined variable $p in %s on line 3

Fatal error: Uncaught TypeError: count(): Argument #1 ($value) must be of type Countable|array, null given in %s:3
Stack trace:
#0 {main}
  thrown in %s on line 3
