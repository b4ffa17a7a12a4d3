--TEST--
socket_select(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p); socket_write($p[1], 'x');
$r = ['a' => $p[0], 'b' => $p[1]]; $w = [5 => $p[1]]; $e = null;
t(fn() => socket_select($r, $w, $e, 0)); var_dump(array_keys($r), array_keys($w), $e);
$r = [$p[1]]; $w = null; t(fn() => socket_select($r, $w, $e, 0, 1000)); var_dump($r);
$r = null; t(fn() => socket_select($r, $w, $e, 0));
$r = [1]; t(fn() => socket_select($r, $w, $e, 0));
$r = [$p[0]]; socket_close($p[0]); t(fn() => socket_select($r, $w, $e, 0));
?>
--EXPECT--
int(2)
array(2) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
}
array(1) {
  [0]=>
  int(5)
}
NULL
int(0)
array(1) {
  [0]=>
  object(Socket)#2 (0) {
  }
}
ValueError: socket_select(): At least one array argument must be passed
TypeError: socket_select(): Argument #1 ($read) must only have elements of type Socket, int given
TypeError: socket_select(): Argument #1 ($read) contains a closed socket
