<?php
// recvmsg ancillary data: IPv6 PKTINFO/HOPLIMIT/TCLASS (sent and received), and a cmsghdr PHP cannot read (IP_PKTINFO).
pcntl_alarm(10);
$u6 = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP); socket_bind($u6, '::1', 0); socket_getsockname($u6, $ad6, $po6);
var_dump(socket_set_option($u6, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1), socket_set_option($u6, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1), socket_set_option($u6, IPPROTO_IPV6, IPV6_RECVTCLASS, 1));
$c6 = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP); socket_bind($c6, '::1', 0);
var_dump(socket_sendmsg($c6, ["name" => ["addr" => "::1", "port" => $po6], "iov" => ["v6"], "control" => [["level" => IPPROTO_IPV6, "type" => IPV6_HOPLIMIT, "data" => 7], ["level" => IPPROTO_IPV6, "type" => IPV6_TCLASS, "data" => 4]]]));
$data = ["name" => [], "buffer_size" => 10, "controllen" => 200];
var_dump(socket_recvmsg($u6, $data, MSG_DONTWAIT)); $data['name']['port'] = 0; var_dump($data);
// v4 with IP_PKTINFO (not in PHP's registry)
$u = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP); socket_bind($u, '127.0.0.1', 0); socket_getsockname($u, $a, $p);
var_dump(socket_set_option($u, IPPROTO_IP, 8 /* IP_PKTINFO */, 1));
socket_sendto($c = socket_create(AF_INET, SOCK_DGRAM, 0), "x", 1, 0, '127.0.0.1', $p);
$data = ["buffer_size" => 10, "controllen" => 200];
var_dump(socket_recvmsg($u, $data, MSG_DONTWAIT), $data);
