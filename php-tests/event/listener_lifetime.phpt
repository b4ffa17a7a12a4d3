--TEST--
EventListener: lifetimes (20,000 listeners created and freed, 3,000 connections accepted and closed, no descriptor leak; base freed first; listeners alive at request end)
--EXTENSIONS--
event
--FILE--
<?php
function nfds() { return count(scandir("/proc/self/fd")); }
function port_of($fd) { $s = socket_import_stream(fopen("php://fd/$fd", "r")); socket_getsockname($s, $ip, $port); return $port; }
$b = new EventBase;
$cb = function () {};
$before = nfds();
$mem = 0;
for ($i = 0; $i < 20000; $i++) {
    $l = new EventListener($b, $cb, [$i], EventListener::OPT_CLOSE_ON_FREE | EventListener::OPT_REUSEABLE, -1, "127.0.0.1:0");
    if ($i % 2) $l->free();
    unset($l);
    if ($i == 1000) $mem = memory_get_usage();
}
echo "fds after 20000 listeners: ", nfds() - $before, "\n";
echo "memory growth under 64 KiB: ", var_export(memory_get_usage() - $mem < 65536, true), "\n";

// Accepted connections: the callback owns the fd; closing it leaks nothing.
$accepted = 0;
$l = new EventListener($b, function ($l, $fd) use (&$accepted) {
    $accepted++;
    $s = EventUtil::createSocket($fd); // owns $fd: closed when $s goes
    socket_write($s, "x");
}, null, EventListener::OPT_CLOSE_ON_FREE, 512, "127.0.0.1:0");
$port = port_of($l->fd);
$before = nfds();
for ($round = 0; $round < 30; $round++) {
    $c = [];
    for ($i = 0; $i < 100; $i++) $c[] = stream_socket_client("tcp://127.0.0.1:$port");
    while ($accepted < ($round + 1) * 100) $b->loop(EventBase::LOOP_ONCE);
    foreach ($c as $s) if (fread($s, 1) !== "x") echo "bad reply\n";
}
unset($c, $s);
echo "accepted $accepted, fds left: ", nfds() - $before, "\n";

// The base freed first: the listener stays usable for what needs no base.
$b2 = new EventBase;
$l2 = new EventListener($b2, $cb, null, EventListener::OPT_CLOSE_ON_FREE, -1, "127.0.0.1:0");
$fd2 = $l2->fd;
unset($b2);
var_dump($l2->disable(), $l2->fd === $fd2);
unset($l2);
echo "listening socket after: ", file_exists("/proc/self/fd/$fd2") ? "open" : "closed", "\n";

// Left alive at request end, with pending connections and a cycle: no output.
$l3 = new EventListener($b, function () use (&$l3) { echo "never\n"; }, null, 0, -1, "127.0.0.1:0");
$c3 = stream_socket_client("tcp://127.0.0.1:" . port_of($l3->fd));
echo "end\n";
?>
--EXPECT--
fds after 20000 listeners: 0
memory growth under 64 KiB: true
accepted 3000, fds left: 0
bool(true)
bool(true)
listening socket after: closed
end
