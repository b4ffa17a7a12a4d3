--TEST--
socket_recvmsg(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, $p); socket_sendmsg($p[0], ['iov' => ['hello']]);
$m = ['buffer_size' => 10, 'controllen' => 100]; t(fn() => socket_recvmsg($p[1], $m)); var_dump($m);
$m = ['buffer_size' => 10]; t(fn() => socket_recvmsg($p[1], $m));
$m = ['buffer_size' => 10, 'controllen' => 10]; t(fn() => socket_recvmsg($p[1], $m, MSG_DONTWAIT));
?>
--EXPECTF--
int(5)
array(2) {
  ["buffer_size"]=>
  int(10)
  ["controllen"]=>
  int(100)
}

Warning: socket_recvmsg(): error converting user data (path: msghdr): The key 'controllen' is required in %s on line 5
bool(false)

Warning: socket_recvmsg(): Error in recvmsg [11]: Resource temporarily unavailable in %s on line 6
bool(false)
