--TEST--
sockets: socket_select works with descriptors above FD_SETSIZE (1024)
--EXTENSIONS--
sockets
--SKIPIF--
<?php
$h = []; for ($i = 0; $i < 1100; $i++) { $s = @socket_create(AF_UNIX, SOCK_DGRAM, 0); if (!$s) die("skip cannot open 1100 descriptors (ulimit -n)"); $h[] = $s; }
?>
--FILE--
<?php
$keep = [];
for ($i = 0; $i < 1050; $i++) $keep[] = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_write($p[1], "x");
$r = ['hi' => $p[0]]; $w = [$p[1]]; $e = null;
var_dump(socket_select($r, $w, $e, 1), array_keys($r), count($w));
?>
--EXPECT--
int(2)
array(1) {
  [0]=>
  string(2) "hi"
}
int(1)
