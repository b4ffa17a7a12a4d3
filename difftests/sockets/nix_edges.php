<?php
// Edge inputs of the sockets calls that go through nix (send/recv flags,
// blocking mode, fstat of imported streams) and of shutdown's raw `how`:
// same results, warnings and socket_last_error() as native.
pcntl_alarm(30);
function show(string $label, ...$v) { echo $label, ': ', json_encode($v), "\n"; }

socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
[$a, $b] = $p;
show('send MSG_DONTWAIT', socket_send($a, "hello", 5, MSG_DONTWAIT));
show('recv MSG_PEEK', socket_recv($b, $buf, 10, MSG_PEEK), $buf);
show('recv', socket_recv($b, $buf, 3, 0), $buf);
show('recv rest DONTWAIT', socket_recv($b, $buf, 10, MSG_DONTWAIT), $buf);
show('recv empty DONTWAIT', socket_recv($b, $buf, 10, MSG_DONTWAIT), socket_last_error($b), $buf);
show('send MSG_OOB on unix', socket_send($a, "x", 1, MSG_OOB), socket_last_error($a));
show('send flags -1', socket_send($a, "x", 1, -1), socket_last_error($a));
show('recv flags -1', socket_recv($b, $buf, 10, -1), socket_last_error($b));
show('recv flags 0x40000000', socket_recv($b, $buf, 10, 0x40000000 | MSG_DONTWAIT), socket_last_error($b));

echo "== blocking mode\n";
show('set_nonblock', socket_set_nonblock($a));
show('read nonblocking empty', socket_read($a, 10), socket_last_error($a));
show('set_block', socket_set_block($a));
$s = socket_export_stream($a);
show('stream meta blocked', stream_get_meta_data($s)['blocked']);
socket_set_nonblock($a);
show('stream meta after nonblock', stream_get_meta_data(socket_export_stream($a))['blocked']);

echo "== shutdown how\n";
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $q);
foreach ([7, -1, 3, 4294967297, 0, 1, 2] as $how) {
    show("shutdown($how)", socket_shutdown($q[0], $how), socket_last_error($q[0]));
}
$u = socket_create(AF_INET, SOCK_DGRAM, 0);
show('shutdown(unconnected udp, 5)', socket_shutdown($u, 5), socket_last_error($u));
show('shutdown(unconnected udp, 2)', socket_shutdown($u, 2), socket_last_error($u));

echo "== import\n";
show('import plain file', socket_import_stream(fopen(__FILE__, 'r')));
$pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$imp = socket_import_stream($pair[0]);
show('import unix stream socket', $imp instanceof Socket, socket_write($imp, "ok"), fread($pair[1], 2));
show('send on closed peer', (function () use ($b) { socket_close($b); return true; })());
