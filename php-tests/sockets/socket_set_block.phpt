--TEST--
socket_set_block(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_set_nonblock($p[0]); t(fn() => socket_set_block($p[0]));
socket_write($p[1], 'x'); t(fn() => socket_read($p[0], 10));
socket_close($p[0]); t(fn() => socket_set_block($p[0]));
?>
--EXPECT--
bool(true)
string(1) "x"
Error: socket_set_block(): Argument #1 ($socket) has already been closed
