--TEST--
sockets: SCM_RIGHTS passes a Socket object's descriptor (a listening socket) to another process
--EXTENSIONS--
sockets
pcntl
--FILE--
<?php
// Native 8.2 writes a Socket element's fd one slot too far (sending fd 0
// instead); php-ipc sends the socket itself, as prefork servers need.
pcntl_alarm(20);
$l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($l, '127.0.0.1', 0); socket_listen($l);
socket_getsockname($l, $a, $port);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
$pid = pcntl_fork();
if ($pid === 0) {
    $m = ['buffer_size' => 10, 'controllen' => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 1)];
    socket_recvmsg($pair[1], $m);
    $stream = $m['control'][0]['data'][0];
    $s = socket_import_stream($stream);           // the passed listener, as a Socket
    $c = socket_accept($s);
    socket_write($c, "accepted in child\n");
    socket_close($c);
    exit(0);
}
var_dump(socket_sendmsg($pair[0], ['iov' => ['L'], 'control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => [$l]]]]));
$c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_option($c, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 0]);
var_dump(socket_connect($c, '127.0.0.1', $port));
var_dump(socket_read($c, 100, PHP_NORMAL_READ));
pcntl_waitpid($pid, $st);
var_dump(pcntl_wexitstatus($st));
?>
--EXPECT--
int(1)
bool(true)
string(18) "accepted in child
"
int(0)
