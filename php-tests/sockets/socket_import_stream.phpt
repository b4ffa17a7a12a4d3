--TEST--
socket_import_stream(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$srv = stream_socket_server('tcp://127.0.0.1:0'); $name = stream_socket_get_name($srv, false); $c = stream_socket_client("tcp://$name");
$s = t(fn() => socket_import_stream($c)); t(fn() => socket_getpeername($s, $a)); var_dump($a);
t(fn() => socket_import_stream(fopen('php://memory', 'r')));
t(fn() => socket_import_stream(1));
?>
--EXPECTF--
object(Socket)#2 (0) {
}
bool(true)

Warning: Undefined variable $a in %s on line 4
NULL

Warning: socket_import_stream(): Cannot represent a stream of type MEMORY as a Socket Descriptor in %s on line 5
bool(false)
TypeError: socket_import_stream(): Argument #1 ($stream) must be of type resource, int given
