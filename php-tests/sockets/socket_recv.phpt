--TEST--
socket_recv(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p); socket_write($p[1], 'abcdef');
t(fn() => socket_recv($p[0], $b, 3, MSG_PEEK)); var_dump($b);
t(fn() => socket_recv($p[0], $b, 100, 0)); var_dump($b);
t(fn() => socket_recv($p[0], $b, 100, MSG_DONTWAIT)); var_dump($b);
$b = 'keep'; t(fn() => socket_recv($p[0], $b, 0, 0)); var_dump($b);
socket_close($p[1]); t(fn() => socket_recv($p[0], $b, 10, 0)); var_dump($b);
?>
--EXPECTF--
int(3)

Warning: Undefined variable $b in %s on line 4
NULL
int(6)

Warning: Undefined variable $b in %s on line 5
NULL
bool(false)

Warning: Undefined variable $b in %s on line 6
NULL
bool(false)
string(4) "keep"
int(0)
string(4) "keep"
