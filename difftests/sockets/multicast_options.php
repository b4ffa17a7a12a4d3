<?php
// Multicast and IPv6 options on the loopback interface (lo), interface lookups and their errors.
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$s = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
t(fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 'lo'));
t(fn() => socket_get_option($s, IPPROTO_IP, IP_MULTICAST_IF));
t(fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 'nonexistent0'));
t(fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, -1));
t(fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 1));
t(fn() => socket_set_option($s, IPPROTO_IP, IP_MULTICAST_IF, 999));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.251', 'interface' => 'lo']));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.251', 'interface' => 'lo']));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_LEAVE_GROUP, ['group' => '224.0.0.251', 'interface' => 'lo']));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['interface' => 'lo']));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => 'bad', 'interface' => 'lo']));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, 5));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_SOURCE_GROUP, ['group' => '232.1.1.1', 'source' => '127.0.0.1', 'interface' => 1]));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_BLOCK_SOURCE, ['group' => '224.0.0.251', 'source' => '127.0.0.1']));
$s6 = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
t(fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_IF, 1));
t(fn() => socket_get_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_IF));
t(fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, false));
t(fn() => socket_get_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_LOOP));
t(fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 300));
t(fn() => socket_set_option($s6, IPPROTO_IPV6, MCAST_JOIN_GROUP, ['group' => 'ff02::fb', 'interface' => 1]));
t(fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1', 'ifindex' => 0]));
t(fn() => socket_get_option($s6, IPPROTO_IPV6, IPV6_PKTINFO));
t(fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_PKTINFO, ['addr' => '::1']));
t(fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_PKTINFO, 5));
t(fn() => socket_set_option($s6, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1));
t(fn() => socket_set_option($s, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.251', 'interface' => [1]]));
t(fn() => socket_set_option($s, SOL_SOCKET, SO_BINDTODEVICE, 'lo'));
t(fn() => socket_set_option($s, SOL_SOCKET, SO_BINDTODEVICE, 5));
foreach ([36, 0, 5] as $v) t(fn() => socket_set_option($s, SOL_SOCKET, 51, $v));
