--TEST--
socket_export_stream(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_DGRAM, 0);
$st = t(fn() => socket_export_stream($s)); var_dump(get_resource_type($st), stream_get_meta_data($st)['stream_type']);
t(fn() => socket_export_stream($s) === $st);
socket_close($s); t(fn() => socket_export_stream($s));
?>
--EXPECT--
resource(4) of type (stream)
string(6) "stream"
string(10) "udp_socket"
bool(true)
Error: socket_export_stream(): Argument #1 ($socket) has already been closed
