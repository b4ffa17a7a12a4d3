--TEST--
socket_set_option(): behaviour and error paths (expected output recorded from native ext/sockets) (PHP 8.4)
--EXTENSIONS--
sockets
--SKIPIF--
<?php if (PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION !== '8.4') die("skip PHP 8.4's output; socket_set_option.phpt has 8.2's"); ?>
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
t(fn() => socket_set_option($s, SOL_SOCKET, SO_REUSEADDR, true)); t(fn() => socket_set_option($s, SOL_SOCKET, SO_REUSEPORT, '1'));
t(fn() => socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 1, 'usec' => 5])); var_dump(socket_get_option($s, SOL_SOCKET, SO_RCVTIMEO));
t(fn() => socket_set_option($s, SOL_SOCKET, SO_SNDTIMEO, ['sec' => 1]));
t(fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => true, 'l_linger' => '3'])); var_dump(socket_get_option($s, SOL_SOCKET, SO_LINGER));
t(fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, 1));
t(fn() => socket_set_option($s, SOL_TCP, TCP_NODELAY, 1));
t(fn() => socket_set_option($s, SOL_SOCKET, 9999, 1));
t(fn() => socket_setopt($s, SOL_SOCKET, SO_KEEPALIVE, 1));
t(fn() => socket_set_option($s, SOL_SOCKET, SO_RCVBUF, new stdClass));
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
array(2) {
  ["sec"]=>
  int(1)
  ["usec"]=>
  int(4000)
}
ValueError: socket_set_option(): Argument #4 ($value) must have key "usec"
bool(true)
array(2) {
  ["l_onoff"]=>
  int(1)
  ["l_linger"]=>
  int(3)
}
TypeError: socket_set_option(): Argument #4 ($value) must be of type array when argument #3 ($option) is SO_LINGER, int given
bool(true)

Warning: socket_set_option(): Unable to set socket option [92]: Protocol not available in %s on line 10
bool(false)
bool(true)

Warning: Object of class stdClass could not be converted to int in %s on line 12
bool(true)
