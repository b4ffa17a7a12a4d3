--TEST--
socket_cmsg_space(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
t(fn() => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS)); t(fn() => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 10)); t(fn() => socket_cmsg_space(SOL_SOCKET, SCM_CREDENTIALS));
t(fn() => socket_cmsg_space(IPPROTO_IPV6, IPV6_PKTINFO)); t(fn() => socket_cmsg_space(0, 0)); t(fn() => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, -1));
?>
--EXPECT--
int(16)
int(56)
int(32)
int(40)
ValueError: Pair level 0 and/or type 0 is not supported
ValueError: socket_cmsg_space(): Argument #3 ($num) must be greater than or equal to 0
