--TEST--
socket_read(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_write($p[1], "ab\ncd\ref");
echo json_encode([socket_read($p[0], 100, PHP_NORMAL_READ), socket_read($p[0], 2, PHP_NORMAL_READ), socket_read($p[0], 1), socket_read($p[0], 100)]), "\n";
t(fn() => socket_read($p[0], 0)); t(fn() => socket_read($p[0], -1));
socket_close($p[1]); t(fn() => socket_read($p[0], 10));
$u = socket_create(AF_INET, SOCK_STREAM, 0); t(fn() => socket_read($u, 10)); var_dump(socket_last_error($u));
?>
--EXPECTF--
["ab\n","cd","\r","ef"]
bool(false)
bool(false)
string(0) ""

Warning: socket_read(): unable to read from socket [107]: Transport endpoint is not connected in %s on line 8
bool(false)
int(107)
