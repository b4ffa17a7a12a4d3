<?php
// Arrays and strings returned by functions of every group have native's shape
// (debug_zval_dump: packed or hash, refcounted or interned strings).
$q = msg_get_queue(ftok(__FILE__, 'z'));
$st = msg_stat_queue($q); msg_remove_queue($q);
foreach (['msg_stat_queue' => array_map(fn() => 0, $st), 'getgroups' => posix_getgroups(), 'uname' => posix_uname(), 'times' => array_map(fn() => 0, posix_times()),
    'getpwuid' => posix_getpwuid(0), 'getgrgid' => posix_getgrgid(0), 'getrlimit' => posix_getrlimit()] as $k => $v) { echo "$k: "; debug_zval_dump($v); }
debug_zval_dump(posix_getgrgid(0)['members']);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
debug_zval_dump(socket_get_option($p[0], SOL_SOCKET, SO_LINGER));
debug_zval_dump(socket_get_option($p[0], SOL_SOCKET, SO_RCVTIMEO));
$r = [$p[0], 'k' => $p[1]]; $w = null; $e = null; socket_write($p[1], "x"); socket_select($r, $w, $e, 0); debug_zval_dump($r);
$ai = socket_addrinfo_lookup('127.0.0.1', '80', ['ai_family' => AF_INET, 'ai_socktype' => SOCK_STREAM]);
debug_zval_dump(socket_addrinfo_explain($ai[0]));
