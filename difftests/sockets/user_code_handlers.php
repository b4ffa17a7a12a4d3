<?php
// User code run inside socket_* functions: error handlers that throw on the
// warnings (the call's side effects and out parameters after the exception),
// conversions that warn (objects given as option values), __toString,
// destructors of the old values of out parameters (and what they see).
pcntl_alarm(20); // a call that would block kills the test (SIGALRM)
function t(string $what, callable $f) {
    try { $r = $f(); echo "$what: ", $r instanceof Socket ? "Socket" : var_export($r, true), "\n"; }
    catch (Throwable $e) { echo "$what: ", get_class($e), ": ", $e->getMessage(), "\n"; }
}
class D { public $n; function __construct($n) { $this->n = $n; } function __destruct() { global $a, $b, $c; echo "destruct D($this->n): a=", v($a), " b=", v($b), " c=", v($c), "\n"; } }
// Ints are ports here (they differ from run to run).
function v($x) { return is_int($x) ? "int" : (is_object($x) ? get_class($x) . (isset($x->n) ? "($x->n)" : "") : (is_array($x) ? "array(" . count($x) . ")" : var_export($x, true))); }
class S { function __toString(): string { echo "__toString\n"; return "127.0.0.1"; } }
class Bad { function __toString(): string { throw new DomainException("__toString threw"); } }

$l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($l, '127.0.0.1', 0); socket_listen($l);
socket_getsockname($l, $addr, $port);
$u = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($u, '127.0.0.1', 0);
socket_getsockname($u, $uaddr, $uport);

set_error_handler(function ($no, $str) { throw new ErrorException("handler: $str", 0, $no); });
echo "-- warnings thrown by the error handler\n";
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
t("bind in use", fn() => socket_bind($s, '127.0.0.1', $port));
var_dump(socket_last_error($s), socket_last_error());
t("connect refused", fn() => socket_connect(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), '127.0.0.1', 1));
var_dump(socket_last_error());
t("getpeername unconnected", function () use ($s) { global $a, $b; $a = $b = "old"; $r = socket_getpeername($s, $a, $b); return $r; });
var_dump($a, $b);
t("shutdown unconnected", fn() => socket_shutdown($s));
t("listen on udp", fn() => socket_listen($u));
socket_set_nonblock($l);
t("accept nothing pending", fn() => socket_accept($l));
socket_set_block($l);
t("read unconnected", fn() => socket_read($s, 10));
t("write unconnected", fn() => socket_write($s, "x"));
t("send unconnected", fn() => socket_send($s, "x", 1, 0));
t("recv unconnected", function () use ($s) { global $a; $a = "old"; return socket_recv($s, $a, 10, 0); });
var_dump($a);
t("sendto bad address", fn() => socket_sendto($u, "x", 1, 0, "not an address", 9));
t("sendto __toString", fn() => socket_sendto($u, "x", 1, 0, new S, $uport));
t("sendto __toString throws", fn() => socket_sendto($u, "x", 1, 0, new Bad, $uport));
t("recvfrom", function () use ($u) { global $a, $b, $c; $a = $b = $c = "old"; return socket_recvfrom($u, $a, 10, MSG_DONTWAIT, $b, $c); });
echo v($a), " ", v($b), " ", v($c), "\n";
t("recvfrom nothing", function () use ($u) { global $a, $b, $c; $a = $b = $c = "old"; return socket_recvfrom($u, $a, 10, MSG_DONTWAIT, $b, $c); });
echo v($a), " ", v($b), " ", v($c), "\n";
t("set_option bad level", fn() => socket_set_option($s, 12345, 1, 1));
t("get_option bad", fn() => socket_get_option($s, 12345, 1));
t("set_option object", fn() => socket_set_option($s, SOL_SOCKET, SO_REUSEADDR, new stdClass));
t("get_option after", fn() => socket_get_option($s, SOL_SOCKET, SO_REUSEADDR));
t("set_option linger object members", fn() => socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => new stdClass, 'l_linger' => new stdClass]));
t("get_option linger", fn() => socket_get_option($s, SOL_SOCKET, SO_LINGER));
t("set_option timeval object members", fn() => socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => new stdClass, 'usec' => 5]));
t("get_option timeval", fn() => socket_get_option($s, SOL_SOCKET, SO_RCVTIMEO));
t("set_option multicast object", fn() => socket_set_option($u, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => new S, 'interface' => 0]));
t("select bad element", function () { $r = [1]; $w = $e = null; return socket_select($r, $w, $e, 0); });
t("create_listen in use", fn() => socket_create_listen($port));
t("import_stream wrong", fn() => socket_import_stream(fopen('php://memory', 'r')));
t("strerror", fn() => socket_strerror(4));
restore_error_handler();

echo "-- destructors of out parameters' old values\n";
$c0 = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($c0, '127.0.0.1', $port);
$p = socket_accept($l);
socket_write($c0, "hello");
$a = new D("a"); $b = new D("b"); $c = new D("c");
t("getpeername", fn() => socket_getpeername($p, $GLOBALS['a'], $GLOBALS['b']));
echo v($a), " ", v($b), "\n";
$a = new D("a"); $b = new D("b");
t("getsockname", fn() => socket_getsockname($p, $GLOBALS['a'], $GLOBALS['b']));
$a = new D("a");
t("recv", fn() => socket_recv($p, $GLOBALS['a'], 3, 0));
echo v($a), "\n";
$a = new D("a");
t("recv nothing", fn() => socket_recv($p, $GLOBALS['a'], 3, MSG_DONTWAIT));
echo v($a), "\n";
$a = new D("a");
t("recv rest", fn() => socket_recv($p, $GLOBALS['a'], 10, MSG_DONTWAIT));
socket_sendto($u, "dgram", 5, 0, '127.0.0.1', $uport);
$a = new D("a"); $b = new D("b"); $c = new D("c");
t("recvfrom", fn() => socket_recvfrom($u, $GLOBALS['a'], 10, 0, $GLOBALS['b'], $GLOBALS['c']));
echo v($a), " ", v($b), " ", v($c), "\n";
$a = new D("a"); $b = new D("b"); $c = new D("c");
t("recvfrom nothing", fn() => socket_recvfrom($u, $GLOBALS['a'], 10, MSG_DONTWAIT, $GLOBALS['b'], $GLOBALS['c']));
echo v($a), " ", v($b), " ", v($c), "\n";
$a = new D("a");
// (An array out parameter: from PHP 8.4 the destructor sees $a as NULL.)
t("create_pair", fn() => socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $GLOBALS['a']));
echo v($a), "\n";
// (An object inside the old array: its destructor is not shown reading the
// variable; docs/sockets.md.)
class E { function __destruct() { echo "destruct E\n"; } }
$a = [new E];
t("create_pair over an array", fn() => socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $GLOBALS['a']));
$a = new D("a");
t("create_pair fails", fn() => @socket_create_pair(AF_INET, SOCK_STREAM, 0, $GLOBALS['a']));
echo v($a), "\n";
$a = null; $b = null; $c = null;
echo "-- __toString that throws inside conversions: native goes on with \"\"\n";
class Bad2 { function __toString(): string { echo "Bad2::__toString\n"; throw new DomainException("__toString threw"); } }
class Good2 { function __toString(): string { echo "Good2::__toString\n"; return "127.0.0.1"; } }
t("mcast bad group", fn() => socket_set_option($u, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => new Bad2, 'interface' => 0]));
t("mcast bad iface", fn() => socket_set_option($u, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.251', 'interface' => new Bad2]));
t("mcast if by name", fn() => socket_set_option($u, IPPROTO_IP, IP_MULTICAST_IF, new Good2));
t("mcast bad if", fn() => socket_set_option($u, IPPROTO_IP, IP_MULTICAST_IF, new Bad2));
t("connect bad", fn() => socket_connect(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), new Bad2, 1));
t("bind bad", fn() => socket_bind(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), new Bad2, 0));
t("sendmsg bad addr", fn() => socket_sendmsg($u, ['name' => ['addr' => new Bad2, 'port' => 9], 'iov' => ['a']], 0));
t("sendmsg bad iov to self", fn() => socket_sendmsg($u, ['name' => ['addr' => '127.0.0.1', 'port' => $uport], 'iov' => ['a', new Bad2, 'c']], 0));
t("what arrived", function () use ($u) { $r = socket_recvfrom($u, $buf, 100, MSG_DONTWAIT, $a, $p); return "$r " . var_export($buf, true); });
t("sendmsg good addr", fn() => socket_sendmsg($u, ['name' => ['addr' => new Good2, 'port' => $uport], 'iov' => ['a', new Good2]], 0));
t("what arrived", function () use ($u) { $r = socket_recvfrom($u, $buf, 100, MSG_DONTWAIT, $a, $p); return "$r " . var_export($buf, true); });
t("sendmsg bad unix path", function () { $s = socket_create(AF_UNIX, SOCK_DGRAM, 0); return socket_sendmsg($s, ['name' => ['path' => new Bad2], 'iov' => ['a']], 0); });
t("sendmsg bad port", fn() => socket_sendmsg($u, ['name' => ['addr' => '127.0.0.1', 'port' => new Bad2], 'iov' => ['a']], 0));
t("sendmsg empty unix path", function () { $s = socket_create(AF_UNIX, SOCK_DGRAM, 0); return socket_sendmsg($s, ['name' => ['path' => ''], 'iov' => ['a']], 0); });
t("addrinfo bad", fn() => socket_addrinfo_lookup(new Bad2));
t("write bad", fn() => socket_write($u, new Bad2));
echo "done\n";
