<?php
// PHP 8.3/8.4 sockets: socket_atmark (with out-of-band data on a loopback
// TCP pair), SOCK_NONBLOCK/SOCK_CLOEXEC in socket types, the new options,
// and 8.4's socket_set_option checks. Skipped where native lacks them (8.2).
if (!function_exists('socket_atmark')) { echo "#SKIP socket_atmark() is PHP 8.3+\n"; exit; }
function t($n, $f) {
    try { $r = $f(); echo "$n => ", json_encode($r); } catch (Throwable $e) { echo "$n => ", get_class($e), ": ", $e->getMessage(); }
    echo " | ", socket_last_error(), "\n";
}
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
t('linger int', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, 5));
t('linger obj', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, (object)['l_onoff' => 1, 'l_linger' => 2]));
t('get linger', fn() => socket_get_option($s, SOL_SOCKET, SO_LINGER));
t('linger onoff big', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 70000, 'l_linger' => 1]));
t('linger onoff neg', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => -1, 'l_linger' => 1]));
// (A bad l_linger is not shown: native 8.4 formats a garbled key name there.)
t('linger strings', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => "1", 'l_linger' => "2"]));
t('linger missing', fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_linger' => 2]));
foreach ([5, "x", null, 1.5, true] as $v) {
    t('rcvtimeo ' . json_encode($v), fn() => socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, $v));
    t('sndtimeo ' . json_encode($v), fn() => socket_set_option($s, SOL_SOCKET, SO_SNDTIMEO, $v));
}
t('rcvtimeo obj', fn() => socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, (object)['sec' => 1, 'usec' => 5]));
t('get rcvtimeo', fn() => socket_get_option($s, SOL_SOCKET, SO_RCVTIMEO));
t('rcvtimeo big usec', fn() => socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 1, 'usec' => 2000000]));
t('bindtodevice int', fn() => socket_set_option($s, SOL_SOCKET, SO_BINDTODEVICE, 5));
t('congestion int', fn() => socket_set_option($s, SOL_TCP, TCP_CONGESTION, 5));
foreach ([0, 5, "0", 36, 40, 8, 1.5, [], -4060] as $v) t('cbpf ' . json_encode($v), fn() => socket_set_option($s, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, $v));
t('cbpf level tcp', fn() => socket_set_option($s, SOL_TCP, SO_ATTACH_REUSEPORT_CBPF, 36));
t('get cbpf', fn() => socket_get_option($s, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF));
t('detach filter', fn() => socket_set_option($s, SOL_SOCKET, SO_DETACH_FILTER, 1));
t('quickack', fn() => socket_set_option($s, SOL_TCP, TCP_QUICKACK, 1));
if (defined('TCP_SYNCNT')) {
    t('syncnt', fn() => socket_set_option($s, SOL_TCP, TCP_SYNCNT, 3));
    t('get syncnt', fn() => socket_get_option($s, SOL_TCP, TCP_SYNCNT));
    t('bind_no_port', fn() => socket_set_option($s, SOL_IP, IP_BIND_ADDRESS_NO_PORT, 1));
    t('get bind_no_port', fn() => socket_get_option($s, SOL_IP, IP_BIND_ADDRESS_NO_PORT));
    t('mtu_discover', fn() => socket_set_option($s, SOL_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO));
    t('get mtu_discover', fn() => socket_get_option($s, SOL_IP, IP_MTU_DISCOVER));
    t('bindtoifindex', fn() => socket_set_option($s, SOL_SOCKET, SO_BINDTOIFINDEX, 1));
    t('create nonblock|cloexec', fn() => get_class(socket_create(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)));
    t('create 11|NONBLOCK', fn() => socket_create(AF_INET, 11 | SOCK_NONBLOCK, 0));
    t('pair nonblock', fn() => socket_create_pair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, $p) && count($p));
    t('pair nonblock read', function () { socket_create_pair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, $p); return @socket_read($p[0], 10); });
    t('pair 11|CLOEXEC', fn() => socket_create_pair(AF_UNIX, 11 | SOCK_CLOEXEC, 0, $p));
    t('create DCCP', fn() => socket_create(AF_INET, SOCK_DCCP, 0));
}
t('create -1', fn() => socket_create(AF_INET, -1, 0));
t('create 11', fn() => socket_create(AF_INET, 11, 0));
t('create_listen default', fn() => (new ReflectionFunction('socket_create_listen'))->getParameters()[1]->getDefaultValue());
// socket_atmark on a loopback TCP pair with one out-of-band byte.
$l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($l, '127.0.0.1', 0);
socket_listen($l);
socket_getsockname($l, $addr, $port);
$c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($c, '127.0.0.1', $port);
$a = socket_accept($l);
t('atmark (nothing sent)', fn() => socket_atmark($a));
socket_send($c, "ab", 2, 0);
socket_send($c, "!", 1, MSG_OOB);
usleep(100000);
t('atmark (before mark)', fn() => socket_atmark($a));
t('read to mark', fn() => socket_recv($a, $buf, 2, 0) . ":$buf");
t('atmark (at mark)', fn() => socket_atmark($a));
t('oob byte', fn() => socket_recv($a, $buf, 1, MSG_OOB) . ":$buf");
$u = socket_create(AF_UNIX, SOCK_DGRAM, 0);
t('atmark unix dgram', fn() => socket_atmark($u));
socket_close($u);
t('atmark closed', fn() => socket_atmark($u));
t('atmark no args', fn() => socket_atmark());
t('atmark string', fn() => socket_atmark("x"));
foreach ([$a, $c, $l, $s] as $x) socket_close($x);
