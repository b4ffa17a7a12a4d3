--TEST--
socket_create(): behaviour and error paths (expected output recorded from native ext/sockets) (PHP 8.4)
--EXTENSIONS--
sockets
--SKIPIF--
<?php if (PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION !== '8.4') die("skip PHP 8.4's output; socket_create.phpt has 8.2's"); ?>
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
t(fn() => socket_create(AF_INET, SOCK_STREAM, SOL_TCP) instanceof Socket);
t(fn() => socket_create(AF_UNIX, SOCK_DGRAM, 0) instanceof Socket);
t(fn() => socket_create(1000, SOCK_STREAM, 0));
t(fn() => socket_create(AF_INET, 100, 0));
t(fn() => socket_create(AF_INET, SOCK_STREAM, 12345));
t(fn() => socket_last_error());
t(fn() => socket_create());
?>
--EXPECTF--
bool(true)
bool(true)
ValueError: socket_create(): Argument #1 ($domain) must be one of AF_UNIX, AF_INET6, or AF_INET
ValueError: socket_create(): Argument #2 ($type) must be one of SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW, or SOCK_RDM optionally OR'ed with SOCK_CLOEXEC, SOCK_NONBLOCK

Warning: socket_create(): Unable to create socket [22]: Invalid argument in %s on line 7
bool(false)
int(22)
ArgumentCountError: socket_create() expects exactly 3 arguments, 0 given
