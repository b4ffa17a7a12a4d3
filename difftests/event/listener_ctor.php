<?php
// EventListener::__construct: argument types, address strings (IPv4, IPv6,
// names, unix: paths, bad ones), ports in use, backlog values, option bits,
// Socket/stream/int targets, and a base freed before the constructor.
// fd numbers differ from PECL's (libevent holds two more descriptors), so
// only their existence is printed.
function t($f) { try { $r = $f(); echo is_object($r) ? get_class($r) . (isset($r->fd) ? " fd ok" : " fd NULL") : var_export($r, true), "\n"; } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
function port_of($fd) { $s = socket_import_stream(fopen("php://fd/$fd", "r")); socket_getsockname($s, $ip, $port); return [$ip, $port]; }
function fdflags($fd) {
    $info = @file_get_contents("/proc/self/fdinfo/$fd");
    if ($info === false) return "closed";
    preg_match('/flags:\s*(\d+)/', $info, $m); $f = octdec($m[1]);
    return sprintf("nonblock=%d cloexec=%d", ($f & 04000) ? 1 : 0, ($f & 02000000) ? 1 : 0);
}
$b = new EventBase;
$cb = function () {};
$CF = EventListener::OPT_CLOSE_ON_FREE;

echo "--- argument parsing\n";
t(fn() => new EventListener());
t(fn() => new EventListener($b));
t(fn() => new EventListener($b, $cb, null, 0, -1));
t(fn() => new EventListener($b, $cb, null, 0, -1, "127.0.0.1:0", 7));
t(fn() => new EventListener(1, $cb, null, 0, -1, "127.0.0.1:0"));
t(fn() => new EventListener(new stdClass, $cb, null, 0, -1, "127.0.0.1:0"));
t(fn() => new EventListener($b, $cb, null, "x", -1, "127.0.0.1:0"));
t(fn() => new EventListener($b, $cb, null, 1.5, -1, "127.0.0.1:0"));
t(fn() => new EventListener($b, $cb, null, null, -1, "127.0.0.1:0"));
t(fn() => new EventListener($b, $cb, null, $CF, "x", "127.0.0.1:0"));
t(fn() => new EventListener($b, $cb, null, $CF, [], "127.0.0.1:0"));
// The callback is not checked here (PECL parses it as any value).
foreach (["strlen", "no_such_function", null, 1, [1, 2], new stdClass] as $c) {
    t(fn() => new EventListener($b, $c, null, $CF, -1, "127.0.0.1:0"));
}
foreach ([null, 1, "s", [1], new stdClass] as $d) {
    t(fn() => new EventListener($b, $cb, $d, $CF, -1, "127.0.0.1:0"));
}

echo "--- address strings\n";
$addrs = ["127.0.0.1:0", "127.0.0.1", "bogus", "", ":", "1.2.3.4:80", "localhost:0", "127.0.0.1:99999",
    "127.0.0.1:-1", "127.0.0.1:abc", ":0", "::1:0", "[::1]", "[::1", "0.0.0.0:0", "127.0.0.1:0\0junk",
    "tcp://127.0.0.1:0", "256.1.1.1:0", " 127.0.0.1:0", "127.0.0.1 :0", "no.such.host.invalid:0",
    "unix:", "unix:" . __DIR__ . "/nodir/x.sock"];
foreach ($addrs as $addr) {
    echo json_encode($addr, JSON_UNESCAPED_SLASHES), " => ";
    t(fn() => new EventListener($b, $cb, null, $CF, -1, $addr));
}
$l = new EventListener($b, $cb, null, $CF, -1, "127.0.0.1:99999");
echo "99999 -> ", port_of($l->fd)[1] === 99999 % 65536 ? "port mod 65536" : "other", "\n";
$l = new EventListener($b, $cb, null, $CF, -1, "127.0.0.1:-1");
echo "-1 -> ", port_of($l->fd)[1], "\n";
unset($l);

echo "--- ports in use\n";
$l1 = new EventListener($b, $cb, null, $CF, -1, "127.0.0.1:0");
[, $port] = port_of($l1->fd);
t(fn() => new EventListener($b, $cb, null, $CF, -1, "127.0.0.1:$port"));
t(fn() => new EventListener($b, $cb, null, $CF | EventListener::OPT_REUSEABLE, -1, "127.0.0.1:$port"));
echo "errno ", EventUtil::getLastSocketErrno(), "\n";
$l1->free();
// A freed CLOSE_ON_FREE listener releases the port at once.
t(fn() => new EventListener($b, $cb, null, $CF, -1, "127.0.0.1:$port"));
$l1 = new EventListener($b, $cb, null, EventListener::OPT_REUSEABLE, -1, "127.0.0.1:0");
[, $port] = port_of($l1->fd);
$fd1 = $l1->fd;
$l1->free();
// Without CLOSE_ON_FREE the socket stays open (and listening) after free().
echo "after free without CLOSE_ON_FREE: ", fdflags($fd1), "\n";
t(fn() => new EventListener($b, $cb, null, $CF | EventListener::OPT_REUSEABLE, -1, "127.0.0.1:$port"));

echo "--- unix sockets\n";
$path = __DIR__ . "/l.sock";
t(fn() => new EventListener($b, $cb, null, $CF, -1, "unix:$path"));
var_dump(file_exists($path));
t(fn() => new EventListener($b, $cb, null, $CF, -1, "UNIX:$path"));
unlink($path);
t(fn() => new EventListener($b, $cb, null, $CF, -1, "UnIx:$path"));
var_dump(file_exists($path));
unlink($path);
// A path longer than sun_path is cut to 107 bytes, as strlcpy does.
$long = str_repeat("p", 130);
$l = new EventListener($b, $cb, null, $CF, -1, "unix:$long");
var_dump(file_exists(substr($long, 0, 107)), file_exists(substr($long, 0, 108)));
unlink(substr($long, 0, 107));
$l = new EventListener($b, $cb, null, $CF, -1, "unix:$path\0tail");
var_dump(file_exists($path));
unlink($path);
unset($l);

echo "--- IPv6\n";
if (@stream_socket_server("tcp://[::1]:0")) {
    $l = new EventListener($b, $cb, null, $CF, -1, "[::1]:0");
    echo port_of($l->fd)[0], "\n";
    $l = new EventListener($b, $cb, null, $CF | 256, -1, "[::]:0");
    echo port_of($l->fd)[0], "\n";
    t(fn() => new EventListener($b, $cb, null, $CF | 256, -1, "127.0.0.1:0"));
    unset($l);
} else {
    echo "no ::1 here\n";
}

echo "--- backlog and option bits\n";
foreach ([0, 1, -1, -1000, 5, PHP_INT_MAX, PHP_INT_MIN, 1 << 32] as $bl) {
    echo "backlog $bl: ";
    t(fn() => new EventListener($b, $cb, null, $CF, $bl, "127.0.0.1:0"));
}
foreach ([0, 1, 2, 4, 8, 16, 32, 64, 128, 127, 255, 256, 511, -1, 1 << 33, PHP_INT_MIN] as $flags) {
    echo "flags $flags: ";
    t(function () use ($b, $cb, $flags) {
        $l = new EventListener($b, $cb, null, $flags, -1, "127.0.0.1:0");
        $fd = $l->fd;
        $r = fdflags($fd);
        $s = socket_import_stream(fopen("php://fd/$fd", "r"));
        $r .= " keepalive=" . socket_get_option($s, SOL_SOCKET, SO_KEEPALIVE)
            . " reuse=" . socket_get_option($s, SOL_SOCKET, SO_REUSEADDR)
            . " reuseport=" . socket_get_option($s, SOL_SOCKET, 15)
            . " defer=" . (socket_get_option($s, SOL_TCP, 9) ? 1 : 0);
        $l->free();
        return $r . " after free: " . (fdflags($fd) === "closed" ? "closed" : "open");
    });
}
echo "unix + DEFERRED_ACCEPT: ";
t(fn() => new EventListener($b, $cb, null, $CF | 64, -1, "unix:$path"));
var_dump(file_exists($path));

echo "--- descriptor targets\n";
$srv = stream_socket_server("tcp://127.0.0.1:0");
t(fn() => new EventListener($b, $cb, null, 0, -1, $srv));
t(fn() => new EventListener($b, $cb, null, 0, 0, $srv));
$sock = socket_create(AF_INET, SOCK_STREAM, 0);
socket_bind($sock, "127.0.0.1", 0);
echo "unlistened, backlog 0: "; t(fn() => new EventListener($b, $cb, null, 0, 0, $sock));
echo "unlistened, backlog 3: "; t(fn() => new EventListener($b, $cb, null, 0, 3, $sock));
socket_set_block($sock);
echo "blocking Socket, flags 0: ", fdflags(EventUtil::getSocketFd($sock)), "\n";
$l = new EventListener($b, $cb, null, 0, -1, $sock);
echo "  after: ", fdflags(EventUtil::getSocketFd($sock)), "\n";
$l = new EventListener($b, $cb, null, EventListener::OPT_LEAVE_SOCKETS_BLOCKING, -1, $sock);
echo "  LEAVE_SOCKETS_BLOCKING: ", fdflags(EventUtil::getSocketFd($sock)), "\n";
$l = new EventListener($b, $cb, null, EventListener::OPT_REUSEABLE, -1, $sock);
echo "  REUSEABLE: ", fdflags(EventUtil::getSocketFd($sock)), "\n";
$l->free();
echo "  free without CLOSE_ON_FREE: ", var_export(socket_getsockname($sock, $ip), true), "\n";
$l = new EventListener($b, $cb, null, $CF, -1, $sock);
$l->free();
echo "  free with CLOSE_ON_FREE: ", var_export(@socket_getsockname($sock, $ip), true), " ", socket_last_error($sock), "\n";
$closed = socket_create(AF_INET, SOCK_STREAM, 0);
socket_close($closed);
t(fn() => new EventListener($b, $cb, null, 0, -1, $closed));
$udp = socket_create(AF_INET, SOCK_DGRAM, 0);
t(fn() => new EventListener($b, $cb, null, 0, -1, $udp));
$fh = fopen(__FILE__, "r");
t(fn() => new EventListener($b, $cb, null, 0, -1, $fh));
t(fn() => new EventListener($b, $cb, null, 0, 0, $fh));
t(fn() => new EventListener($b, $cb, null, 2, 0, $fh));
fclose($fh);
t(fn() => new EventListener($b, $cb, null, 0, -1, $fh));
t(fn() => new EventListener($b, $cb, null, 0, -1, fopen("php://memory", "r")));
t(fn() => new EventListener($b, $cb, null, 0, -1, STDIN));
foreach ([-1, 0, 99999, 1.5, true, null, [], new stdClass] as $target) {
    echo gettype($target), " ", json_encode($target), ": ";
    t(fn() => new EventListener($b, $cb, null, 0, -1, $target));
}
echo "fd 99999 with flags 2: "; t(fn() => new EventListener($b, $cb, null, 2, -1, 99999));
echo "fd 99999 backlog 0: "; t(fn() => new EventListener($b, $cb, null, 0, 0, 99999));
$srv2 = stream_socket_server("tcp://127.0.0.1:0");
echo "int fd of a stream: "; t(fn() => new EventListener($b, $cb, null, 0, -1, EventUtil::getSocketFd($srv2)));

echo "--- freed base\n";
$fb = new EventBase;
$fb->free();
t(fn() => new EventListener($fb, $cb, null, $CF, -1, "127.0.0.1:0"));
t(fn() => new EventListener($fb, $cb, null, $CF | EventListener::OPT_DISABLED, -1, "127.0.0.1:0"));
echo "end\n";
