<?php
// TCP on 127.0.0.1: a forked client talks to the parent's server.
pcntl_alarm(20);
$srv = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
var_dump(socket_set_option($srv, SOL_SOCKET, SO_REUSEADDR, 1));
var_dump(socket_get_option($srv, SOL_SOCKET, SO_REUSEADDR));
var_dump(socket_bind($srv, '127.0.0.1', 0));
var_dump(socket_listen($srv, 16));
socket_getsockname($srv, $addr, $port);
var_dump($addr);
$pid = pcntl_fork();
if ($pid === 0) {
    $c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_set_option($c, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 0]);
    socket_set_option($c, SOL_TCP, TCP_NODELAY, 1);
    if (!socket_connect($c, '127.0.0.1', $port)) exit(1);
    socket_write($c, "line one\nline two\r\nrest");
    socket_send($c, "|sent", 5, 0);
    $big = str_repeat("0123456789abcdef", 65536); // 1 MiB
    $off = 0;
    while ($off < strlen($big)) { $w = socket_write($c, substr($big, $off)); if ($w === false) exit(2); $off += $w; }
    socket_shutdown($c, 1);
    $back = '';
    while (($r = socket_read($c, 65536)) !== false && $r !== '') $back .= $r;
    exit($back === md5($big) ? 0 : 3);
}
$conn = socket_accept($srv);
var_dump($conn);
var_dump(socket_getpeername($conn, $paddr, $pport), $paddr, $pport > 0);
var_dump(socket_getsockname($conn, $laddr, $lport), $laddr, $lport === $port);
socket_set_option($conn, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 500]);
var_dump(socket_get_option($conn, SOL_SOCKET, SO_RCVTIMEO));
var_dump(socket_set_option($conn, SOL_SOCKET, SO_SNDTIMEO, ['sec' => 3, 'usec' => 0]));
var_dump(socket_get_option($conn, SOL_SOCKET, SO_SNDTIMEO));
var_dump(socket_set_option($conn, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 2]));
var_dump(socket_get_option($conn, SOL_SOCKET, SO_LINGER));
var_dump(socket_get_option($conn, SOL_TCP, TCP_NODELAY));
var_dump(socket_set_option($conn, SOL_TCP, TCP_NODELAY, true));
var_dump(socket_get_option($conn, SOL_TCP, TCP_NODELAY));
var_dump(socket_getopt($conn, SOL_SOCKET, SO_TYPE), socket_get_option($conn, SOL_SOCKET, SO_ERROR));
var_dump(socket_get_option($conn, SOL_SOCKET, SO_KEEPALIVE), socket_setopt($conn, SOL_SOCKET, SO_KEEPALIVE, 1), socket_get_option($conn, SOL_SOCKET, SO_KEEPALIVE));
try { socket_set_option($conn, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1]); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { socket_set_option($conn, SOL_SOCKET, SO_RCVTIMEO, ['usec' => 1]); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { socket_set_option($conn, SOL_SOCKET, SO_RCVTIMEO, 5); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump(socket_get_option($conn, SOL_TCP, TCP_CONGESTION) !== false);
var_dump(socket_set_option($conn, SOL_TCP, TCP_CONGESTION, "nonexistent-cc"));
var_dump(socket_get_option($conn, SOL_SOCKET, SO_MEMINFO) !== false);
// PHP_NORMAL_READ: up to and including \n or \r.
var_dump(socket_read($conn, 100, PHP_NORMAL_READ));
var_dump(socket_read($conn, 100, PHP_NORMAL_READ));
var_dump(socket_read($conn, 100, PHP_NORMAL_READ));
var_dump(socket_read($conn, 3, PHP_NORMAL_READ));
var_dump(socket_recv($conn, $buf, 6, MSG_PEEK | MSG_WAITALL), $buf);
var_dump(socket_recv($conn, $buf, 6, MSG_WAITALL), $buf);
$data = '';
while (($r = socket_read($conn, 8192)) !== false && $r !== '') $data .= $r;
var_dump(strlen($data), md5($data));
var_dump(socket_read($conn, 10));
var_dump(socket_recv($conn, $buf, 10, 0), $buf);
var_dump(socket_write($conn, md5($data)));
socket_close($conn);
pcntl_waitpid($pid, $st);
var_dump(pcntl_wexitstatus($st));
socket_close($srv);
