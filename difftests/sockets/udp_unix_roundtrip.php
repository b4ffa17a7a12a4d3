<?php
// UDP (v4, v6) and Unix datagram/stream round trips in one process.
pcntl_alarm(20);
$a = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
$b = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
var_dump(socket_bind($a, '127.0.0.1'), socket_bind($b, '127.0.0.1', 0));
socket_getsockname($a, $aa, $ap); socket_getsockname($b, $ba, $bp);
var_dump(socket_sendto($b, "hello udp", 100, 0, '127.0.0.1', $ap));
var_dump(socket_sendto($b, "second", 3, 0, 'localhost', $ap));
var_dump(socket_recvfrom($a, $buf, 100, 0, $from, $fport), $buf, $from, $fport === $bp);
var_dump(socket_recvfrom($a, $buf, 2, 0, $from, $fport), $buf);
socket_set_nonblock($a);
var_dump(socket_recvfrom($a, $buf, 100, 0, $from, $fport), socket_last_error($a));
try { socket_recvfrom($a, $buf, 100, 0, $from); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump(socket_connect($b, '127.0.0.1', $ap));
var_dump(socket_send($b, "connected", 9, 0));
socket_set_block($a);
var_dump(socket_recv($a, $buf, 100, 0), $buf);
var_dump(socket_get_option($a, SOL_SOCKET, SO_TYPE), socket_get_option($a, SOL_SOCKET, SO_BROADCAST));
var_dump(socket_set_option($a, IPPROTO_IP, IP_MULTICAST_TTL, 4), socket_get_option($a, IPPROTO_IP, IP_MULTICAST_TTL));
var_dump(socket_set_option($a, IPPROTO_IP, IP_MULTICAST_LOOP, 0), socket_get_option($a, IPPROTO_IP, IP_MULTICAST_LOOP));
try { socket_set_option($a, IPPROTO_IP, IP_MULTICAST_TTL, 300); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump(socket_get_option($a, IPPROTO_IP, IP_MULTICAST_IF));
var_dump(socket_set_option($a, IPPROTO_IP, IP_MULTICAST_IF, 0));
// IPv6
$v6 = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
$w6 = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
if (@socket_bind($v6, '::1', 0)) {
    socket_getsockname($v6, $a6, $p6);
    var_dump($a6);
    var_dump(socket_sendto($w6, "v6 data", 7, 0, '::1', $p6));
    var_dump(socket_recvfrom($v6, $buf, 100, 0, $from6, $port6), $buf, $from6);
    var_dump(socket_get_option($v6, IPPROTO_IPV6, IPV6_V6ONLY));
    var_dump(socket_set_option($v6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 3), socket_get_option($v6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS));
    var_dump(socket_set_option($v6, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 9), socket_get_option($v6, IPPROTO_IPV6, IPV6_UNICAST_HOPS));
} else { echo "no ipv6 loopback\n"; }
var_dump(socket_sendto($w6, "x", 1, 0, 'no.such.host.invalid', 1));
var_dump(socket_last_error($w6));
// Unix datagram with paths
$dir = __DIR__;
@unlink("$dir/u1.sock"); @unlink("$dir/u2.sock");
$u1 = socket_create(AF_UNIX, SOCK_DGRAM, 0); $u2 = socket_create(AF_UNIX, SOCK_DGRAM, 0);
var_dump(socket_bind($u1, "$dir/u1.sock"), socket_bind($u2, "$dir/u2.sock"));
var_dump(socket_sendto($u2, "unix dgram", 10, 0, "$dir/u1.sock"));
var_dump(socket_recvfrom($u1, $buf, 100, 0, $from), $buf, basename($from));
var_dump(socket_getsockname($u1, $n), basename($n));
var_dump(socket_sendto($u2, "x", 1, 0, "$dir/nonexistent.sock"));
// Unix stream
@unlink("$dir/s.sock");
$ls = socket_create(AF_UNIX, SOCK_STREAM, 0);
var_dump(socket_bind($ls, "$dir/s.sock"), socket_listen($ls));
$cs = socket_create(AF_UNIX, SOCK_STREAM, 0);
var_dump(socket_connect($cs, "$dir/s.sock"));
$as = socket_accept($ls);
var_dump(socket_getpeername($as, $pn), $pn);
var_dump(socket_getpeername($cs, $pn2), basename($pn2));
var_dump(socket_write($cs, "over unix\n"), socket_read($as, 100, PHP_NORMAL_READ));
socket_close($cs);
var_dump(socket_read($as, 100));
// Abstract namespace
$ab = socket_create(AF_UNIX, SOCK_STREAM, 0);
$name = "\0phpipc-test-" . md5(__FILE__);
var_dump(socket_bind($ab, $name), socket_listen($ab));
$ac = socket_create(AF_UNIX, SOCK_STREAM, 0);
var_dump(socket_connect($ac, $name));
var_dump(socket_getsockname($ab, $an), strlen($an));
// Pairs
var_dump(socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p));
var_dump(socket_write($p[0], "pair"), socket_read($p[1], 10));
var_dump(socket_create_pair(AF_UNIX, SOCK_SEQPACKET, 0, $q));
var_dump(socket_send($q[1], "pkt1", 4, 0), socket_send($q[1], "pkt2", 4, 0), socket_recv($q[0], $buf, 100, 0), $buf);
unlink("$dir/u1.sock"); unlink("$dir/u2.sock"); unlink("$dir/s.sock");
