<?php
// socket_addrinfo_*, import/export stream, sendmsg/recvmsg with SCM_RIGHTS
// (descriptors passed to a forked process), cmsg_space.
pcntl_alarm(20);
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
$ai = socket_addrinfo_lookup('127.0.0.1', '0', ['ai_family' => AF_INET, 'ai_socktype' => SOCK_STREAM]);
var_dump(count($ai), $ai[0]);
var_dump(socket_addrinfo_explain($ai[0]));
$b = socket_addrinfo_bind($ai[0]); var_dump($b);
socket_listen($b); socket_getsockname($b, $ba, $bp);
$ai2 = socket_addrinfo_lookup('127.0.0.1', (string)$bp, ['ai_family' => AF_INET, 'ai_socktype' => SOCK_STREAM, 'ai_flags' => AI_NUMERICHOST | AI_NUMERICSERV]);
$c = socket_addrinfo_connect($ai2[0]); var_dump($c);
$acc = socket_accept($b);
var_dump(socket_write($c, "via addrinfo"), socket_read($acc, 100));
var_dump(socket_addrinfo_bind($ai2[0]));
$v6 = socket_addrinfo_lookup('::1', '80', ['ai_family' => AF_INET6, 'ai_socktype' => SOCK_DGRAM, 'ai_flags' => AI_NUMERICHOST]);
if ($v6) var_dump(socket_addrinfo_explain($v6[0]));
t(fn() => socket_addrinfo_lookup('127.0.0.1', null, ['bogus' => 1]));
t(fn() => socket_addrinfo_lookup('127.0.0.1', null, [1, 2]));
t(fn() => count(socket_addrinfo_lookup('127.0.0.1', null, ['ai_flags' => AI_NUMERICHOST])));
t(fn() => socket_addrinfo_lookup('not a host', null, ['ai_flags' => AI_NUMERICHOST]));
t(fn() => socket_addrinfo_lookup('127.0.0.1', 'no-such-service-x', ['ai_flags' => AI_NUMERICHOST | AI_NUMERICSERV]));
t(fn() => socket_addrinfo_explain(new stdClass));
t(fn() => socket_addrinfo_connect("x"));
t(fn() => clone $ai[0]);
t(fn() => serialize($ai[0]));
$rc = new ReflectionClass('AddressInfo'); var_dump($rc->isFinal(), $rc->isCloneable());
// Streams
$srv = stream_socket_server('tcp://127.0.0.1:0', $no, $str);
$name = stream_socket_get_name($srv, false);
$cli = stream_socket_client("tcp://$name", $no, $str, 5);
$conn = stream_socket_accept($srv, 5);
$sock = socket_import_stream($cli); var_dump($sock);
var_dump(socket_import_stream($cli) instanceof Socket);
var_dump(socket_write($sock, "from socket\n"), fgets($conn));
fwrite($conn, "from stream"); var_dump(socket_read($sock, 100));
var_dump(socket_export_stream($sock) === $cli);
var_dump(socket_set_nonblock($sock), stream_get_meta_data($cli)['blocked']);
var_dump(socket_set_block($sock), stream_get_meta_data($cli)['blocked']);
socket_getpeername($sock, $pa); var_dump($pa);
socket_close($sock);
var_dump(is_resource($cli), get_resource_type($cli));
t(fn() => socket_import_stream(fopen('php://memory', 'r')));
t(fn() => socket_import_stream("x"));
$f = fopen(__FILE__, 'r'); fclose($f);
t(fn() => socket_import_stream($f));
t(fn() => socket_import_stream(STDIN));
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($s, '127.0.0.1', (int)explode(':', $name)[1]);
$st = socket_export_stream($s); var_dump(get_resource_type($st), stream_get_meta_data($st)['stream_type']);
var_dump(socket_export_stream($s) === $st);
$conn2 = stream_socket_accept($srv, 5);
fwrite($st, "exported\n"); var_dump(fgets($conn2));
unset($s); var_dump(is_resource($st)); fclose($st);
socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, $up); $ust = socket_export_stream($up[0]); var_dump(stream_get_meta_data($ust)['stream_type']);
$u6 = socket_create(AF_INET, SOCK_DGRAM, 0); var_dump(stream_get_meta_data(socket_export_stream($u6))['stream_type']);
// cmsg_space
foreach ([[SOL_SOCKET, SCM_RIGHTS], [SOL_SOCKET, SCM_RIGHTS, 3], [SOL_SOCKET, SCM_CREDENTIALS], [IPPROTO_IPV6, IPV6_PKTINFO], [IPPROTO_IPV6, IPV6_HOPLIMIT], [IPPROTO_IPV6, IPV6_TCLASS], [1, 99], [SOL_SOCKET, SCM_RIGHTS, -1], [SOL_SOCKET, SCM_RIGHTS, PHP_INT_MAX], [PHP_INT_MIN, 1]] as $a) t(fn() => socket_cmsg_space(...$a));
// SCM_RIGHTS to a forked process: the child receives a stream and writes to it.
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
$tmp = __DIR__ . '/passed.txt';
$pid = pcntl_fork();
if ($pid === 0) {
    $m = ['name' => [], 'buffer_size' => 100, 'controllen' => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 2)];
    $n = socket_recvmsg($pair[1], $m, 0);
    $fds = $m['control'][0]['data'] ?? [];
    foreach ($fds as $i => $fd) fwrite($fd, "child wrote via fd $i\n");
    socket_write($pair[1], json_encode([$n, $m['iov'], count($fds), $m['control'][0]['level'], $m['control'][0]['type'], $m['name']]));
    exit(0);
}
$fh = fopen($tmp, 'w');
var_dump(socket_sendmsg($pair[0], ['iov' => ['pass', 'ing'], 'control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => [$fh, $fh]]]], 0));
var_dump(socket_read($pair[0], 1000));
pcntl_waitpid($pid, $stt);
fclose($fh);
echo file_get_contents($tmp); unlink($tmp);
// conversion errors
$p = socket_create(AF_UNIX, SOCK_DGRAM, 0);
foreach ([['iov' => 5], ['name' => 5], ['name' => ['path' => str_repeat('x', 200)]], ['name' => ['family' => AF_INET6]], ['name' => ['family' => 'x']],
          ['control' => 5], ['control' => [5]], ['control' => [['level' => 1, 'type' => 1, 'data' => 5]]], ['control' => [['level' => 1, 'type' => 1, 'data' => []]]],
          ['control' => [['level' => 1, 'type' => 1, 'data' => [5]]]], ['control' => [['level' => 1, 'type' => 1]]], ['control' => [['level' => 1, 'type' => 2, 'data' => ['pid' => 1]]]],
          ['control' => [['level' => 7, 'type' => 7, 'data' => 1]]]] as $m) t(fn() => socket_sendmsg($p, $m));
socket_set_nonblock($pair[1]);
foreach ([[], ['controllen' => 0], ['controllen' => -1], ['controllen' => 'x'], ['controllen' => [1]], ['controllen' => 10, 'name' => 1], ['controllen' => 10, 'buffer_size' => -1],
          ['controllen' => 10, 'buffer_size' => 104857601], ['controllen' => 10]] as $m) { try { var_dump(socket_recvmsg($pair[1], $m)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump($m); }
t(fn() => socket_sendmsg($p, [], PHP_INT_MAX));
try { var_dump(socket_recvmsg($p, $undefined)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
