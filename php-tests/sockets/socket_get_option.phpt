--TEST--
socket_get_option(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
foreach ([[SOL_SOCKET, SO_TYPE], [SOL_SOCKET, SO_REUSEADDR], [SOL_SOCKET, SO_LINGER], [SOL_SOCKET, SO_RCVTIMEO], [SOL_SOCKET, SO_SNDTIMEO], [SOL_TCP, TCP_NODELAY], [SOL_SOCKET, SO_ERROR], [SOL_SOCKET, 9999], [12345, 1]] as [$l, $o]) t(fn() => socket_get_option($s, $l, $o));
t(fn() => socket_getopt($s, SOL_SOCKET, SO_TYPE));
?>
--EXPECTF--
int(1)
int(0)
array(2) {
  ["l_onoff"]=>
  int(0)
  ["l_linger"]=>
  int(0)
}
array(2) {
  ["sec"]=>
  int(0)
  ["usec"]=>
  int(0)
}
array(2) {
  ["sec"]=>
  int(0)
  ["usec"]=>
  int(0)
}
int(0)
int(0)

Warning: socket_get_option(): Unable to retrieve socket option [92]: Protocol not available in %s on line 4
bool(false)

Warning: socket_get_option(): Unable to retrieve socket option [95]: Operation not supported in %s on line 4
bool(false)
int(1)
