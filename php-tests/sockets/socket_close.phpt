--TEST--
socket_close(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_STREAM, 0);
t(fn() => socket_close($s)); t(fn() => socket_close($s)); t(fn() => socket_close());
?>
--EXPECT--
NULL
Error: socket_close(): Argument #1 ($socket) has already been closed
ArgumentCountError: socket_close() expects exactly 1 argument, 0 given
