--TEST--
event: with native ext/sockets loaded (our sockets group deferred), Event and EventUtil take native Socket objects
--SKIPIF--
<?php
$out = shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=sockets -r "echo function_exists(\'socket_create\') ? \'y\' : \'n\';" 2>/dev/null');
if ($out !== 'y') die("skip native sockets.so not available");
?>
--FILE--
<?php
preg_match('/extension=(\S*libphp_ipc\.so)/', getenv('TEST_PHP_EXTRA_ARGS'), $m) || die("no .so path\n");
$code = <<<'PHP'
echo (new ReflectionClass('Socket'))->getExtensionName(), "\n";
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
[$a, $b] = $pair;
$base = new EventBase();
$ev = new Event($base, $a, Event::READ, function ($fd, $what, $arg) { echo "readable: ", gettype($fd), " what=$what arg=$arg\n"; }, "x");
$ev->add();
socket_write($b, "hi");
$base->loop(EventBase::LOOP_ONCE);
var_dump(EventUtil::getSocketFd($a) === EventUtil::getSocketFd($a), EventUtil::getSocketFd($a) > 2);
$s = EventUtil::createSocket(EventUtil::getSocketFd($b));
echo get_class($s), " ", (new ReflectionClass($s))->getExtensionName(), "\n";
PHP;
echo shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=sockets -d extension=posix -d extension=' . escapeshellarg($m[1]) . ' -r ' . escapeshellarg($code) . ' 2>&1');
?>
--EXPECT--
sockets
readable: integer what=2 arg=x
bool(true)
bool(true)
Socket sockets
