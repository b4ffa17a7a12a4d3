<?php
// Accept errors: with the descriptor table full, accept() fails with
// EMFILE. Without an error callback libevent warns "Error from accept()
// call"; with one, the callback gets ($listener, $arg) and errno is EMFILE.
// Exceptions thrown by the error callback break the loop as accept
// callbacks' do. A listening socket that is not listening reports EINVAL.
function port_of($fd) { $s = socket_import_stream(fopen("php://fd/$fd", "r")); socket_getsockname($s, $ip, $port); return $port; }
function clients($port, $n) { $r = []; for ($i = 0; $i < $n; $i++) $r[] = stream_socket_client("tcp://127.0.0.1:$port"); usleep(20000); return $r; }
$b = new EventBase;
// Under valgrind an accept() beyond valgrind's own fd limit takes the
// connection and then fails with EMFILE, so the pending clients are lost.
$vg = str_contains((string) getenv("LD_PRELOAD"), "vgpreload");
if ($vg) echo "valgrind: EMFILE part skipped\n";
if (!$vg) {
$accepted = [];
$l = new EventListener($b, function ($l, $fd) use (&$accepted) { $accepted[] = $fd; echo "accept\n"; }, "DATA", EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
$c = clients(port_of($l->fd), 6);
$lim = posix_getrlimit();
// A soft limit the fillers below reach quickly.
$hard = $lim['hard openfiles'] === 'unlimited' ? -1 : (int) $lim['hard openfiles'];
$soft = ($hard < 0 || $hard >= 1024) ? 1024 : $hard;
if (!posix_setrlimit(POSIX_RLIMIT_NOFILE, $soft, $hard)) echo "setrlimit failed\n";
while (($f = @fopen("/dev/null", "r")) !== false) $fill[] = $f;
echo "table full\n";

echo "--- no error callback\n";
var_dump($b->loop(EventBase::LOOP_ONCE));
echo "errno ", EventUtil::getLastSocketErrno(), " accepted ", count($accepted), "\n";

echo "--- error callback\n";
$calls = 0;
$l->setErrorCallback(function ($l, $arg) use (&$calls, &$fill) {
    $calls++;
    echo "error cb ", func_num_args(), " ", get_class($l), " ", json_encode($arg), " errno=", EventUtil::getLastSocketErrno(), " ", EventUtil::getLastSocketError(), "\n";
    if ($calls == 2) { array_pop($fill); array_pop($fill); }
    if ($calls >= 3) var_dump($l->disable());
});
var_dump($b->loop());
echo "accepted ", count($accepted), " error calls $calls\n";

echo "--- setCallback changes the argument the error callback gets\n";
$l->setCallback(function ($l, $fd) use (&$accepted) { $accepted[] = $fd; echo "accept2\n"; }, "NEW");
$l->setErrorCallback(function ($l, $arg) { echo "error cb2 ", json_encode($arg), "\n"; $l->getBase()->exit(); });
$l->enable();
var_dump($b->loop());

echo "--- exception in the error callback\n";
$l->setErrorCallback(function ($l, $arg) { echo "throwing\n"; throw new DomainException("accept failed"); });
$l->enable();
try { $b->loop(); } catch (DomainException $e) { echo "caught ", $e->getMessage(), "\n"; }
var_dump($b->gotStop(), $b->loop(EventBase::LOOP_NONBLOCK));
echo "re-enabled: ";
var_dump($l->enable());
try { $b->loop(EventBase::LOOP_ONCE); } catch (DomainException $e) { echo "caught again\n"; }

echo "--- free() inside the error callback\n";
$l->setErrorCallback(function ($l) { echo "freeing\n"; $l->free(); });
$l->enable();
var_dump($b->loop());
var_dump($l->fd);

}
$fill = [];
echo "--- table has room again\n";
$n = 0;
$l2 = new EventListener($b, function () use (&$n) { $n++; }, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
$c2 = clients(port_of($l2->fd), 3);
$b->loop(EventBase::LOOP_NONBLOCK);
echo "accepted $n\n";

echo "--- a socket that is not listening\n";
$s = socket_create(AF_INET, SOCK_STREAM, 0);
socket_bind($s, "127.0.0.1", 0);
$l3 = new EventListener($b, function () { echo "never\n"; }, null, 0, 0, $s);
var_dump($b->loop(EventBase::LOOP_ONCE));
$l3->setErrorCallback(function ($l) { echo "error: ", EventUtil::getLastSocketError(), "\n"; $l->disable(); });
var_dump($b->loop(EventBase::LOOP_ONCE));

echo "--- an accepted fd 0 is passed as NULL\n";
$b3 = new EventBase;
$l0 = new EventListener($b3, function ($l, $fd, $addr) { echo "fd ", var_export($fd, true), " ", gettype($addr), "\n"; throw new Exception("x"); }, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
$c0 = stream_socket_client("tcp://127.0.0.1:" . port_of($l0->fd));
fclose(STDIN);
try { $b3->loop(EventBase::LOOP_NONBLOCK); } catch (Exception $e) { echo "caught\n"; }
// PECL closes the new connection after an exception only when its fd is above 0.
echo file_exists("/proc/self/fd/0") ? "fd 0 open\n" : "fd 0 closed\n";
