--TEST--
socket_shutdown(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
t(fn() => socket_shutdown($p[0], 1)); t(fn() => socket_read($p[1], 10));
t(fn() => socket_shutdown($p[0])); t(fn() => socket_shutdown($p[0], 7));
$u = socket_create(AF_INET, SOCK_STREAM, 0); t(fn() => socket_shutdown($u)); var_dump(socket_last_error($u));
?>
--EXPECTF--
bool(true)
string(0) ""
bool(true)

Warning: socket_shutdown(): Unable to shutdown socket [22]: Invalid argument in %s on line 5
bool(false)

Warning: socket_shutdown(): Unable to shutdown socket [107]: Transport endpoint is not connected in %s on line 6
bool(false)
int(107)
