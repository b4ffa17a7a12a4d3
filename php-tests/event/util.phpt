--TEST--
EventUtil: getSocketName, getLastSocketErrno/Error, createSocket, private constructor, sslRandPoll
--EXTENSIONS--
event
sockets
--FILE--
<?php
$srv = stream_socket_server('tcp://127.0.0.1:0');
var_dump(EventUtil::getSocketName($srv, $addr, $port), $addr, $port > 0);
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($s, '127.0.0.1', 0);
var_dump(EventUtil::getSocketName($s, $addr), $addr);
$path = sys_get_temp_dir() . '/evutil' . getmypid() . '.sock';
@unlink($path);
$u = stream_socket_server("unix://$path");
var_dump(EventUtil::getSocketName($u, $a2, $p2), $a2 === $path, $p2);
fclose($u); @unlink($path);
$tmp = tmpfile();
var_dump(EventUtil::getSocketName($tmp, $a3));
try { EventUtil::getSocketName(-5, $a4); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
// createSocket wraps an fd (here a dup of a stream socket's fd is not needed: the Socket takes the number).
list($x, $y) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$sock = EventUtil::createSocket(EventUtil::getSocketFd($x));
var_dump(get_class($sock), EventUtil::getSocketFd($sock) === EventUtil::getSocketFd($x));
var_dump(socket_write($sock, "via Socket"), fread($y, 100));
var_dump(EventUtil::createSocket(EventUtil::getSocketFd($tmp)));
// errno-based helpers
var_dump(is_int(EventUtil::getLastSocketErrno()), is_string(EventUtil::getLastSocketError()));
var_dump(is_int(EventUtil::getLastSocketErrno($s)));
// Like PECL, any descriptor is accepted; an object that is not a Socket is not one.
try { EventUtil::getLastSocketErrno(new stdClass); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
var_dump(EventUtil::sslRandPoll());
try { new EventUtil(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
var_dump(EventUtil::LIBEVENT_VERSION_NUMBER, EventUtil::SOL_TCP);
?>
--EXPECTF--
bool(true)
string(9) "127.0.0.1"
bool(true)
bool(true)
string(9) "127.0.0.1"
bool(true)
bool(true)
NULL

Warning: EventUtil::getSocketName(): Unable to retreive socket name, errno: 88 in %s on line %d
bool(false)
Invalid file descriptor
string(6) "Socket"
bool(true)
int(10)
string(10) "via Socket"

Warning: EventUtil::createSocket(): Unable to obtain socket family [88]: Socket operation on non-socket in %s on line %d
object(Socket)#4 (0) {
}
bool(true)
bool(true)
bool(true)
Invalid file descriptor
bool(true)
Call to private EventUtil::__construct() from global scope
int(33623040)
int(6)
