<?php
// connect()/connectHost() on 127.0.0.1 (a listening socket on port 0 and a
// closed port), the CONNECTED event, data both ways, a failed name lookup.
$b = new EventBase();
$ls = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($ls, "127.0.0.1", 0);
socket_listen($ls, 8);
socket_getsockname($ls, $addr, $port);
// A port nobody listens on: bound, never listened, closed.
$tmp = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($tmp, "127.0.0.1", 0);
socket_getsockname($tmp, $a2, $closed_port);
socket_close($tmp);

function client($b, $tag, $opts = 0) {
    return new EventBufferEvent($b, null, $opts,
        function ($bev) use ($tag) { echo "$tag read ", json_encode($bev->read(100)), "\n"; },
        function ($bev) use ($tag) { echo "$tag write out=", $bev->output->length, "\n"; },
        function ($bev, $what) use ($tag, $b) {
            echo "$tag event $what fd=", is_int($bev->fd) ? "int" : "null", " enabled=", $bev->getEnabled(), "\n";
            if ($what & (EventBufferEvent::ERROR | EventBufferEvent::EOF)) $b->exit();
        });
}

$c = client($b, "c1");
var_dump($c->fd);
var_dump($c->connect("127.0.0.1:$port"));
var_dump(is_int($c->fd), $c->getEnabled());
$c->write("ping");
$c->enable(Event::READ);
$b->loop(EventBase::LOOP_ONCE);
$peer = socket_accept($ls);
var_dump(socket_read($peer, 100));
socket_write($peer, "pong");
$b->loop(EventBase::LOOP_ONCE);
socket_close($peer);
$b->loop();
$c->free();

echo "connectHost numeric\n";
$c = client($b, "c2", EventBufferEvent::OPT_CLOSE_ON_FREE);
var_dump($c->connectHost(null, "127.0.0.1", $port));
var_dump($c->getDnsErrorString());
$b->loop(EventBase::LOOP_ONCE);
$peer = socket_accept($ls);
$c->write("hello");
$b->loop(EventBase::LOOP_ONCE);
var_dump(socket_read($peer, 100));
$c->free();
$b->loop(EventBase::LOOP_NONBLOCK);
var_dump(socket_read($peer, 100));
socket_close($peer);

echo "refused\n";
$c = client($b, "c3");
var_dump($c->connect("127.0.0.1:$closed_port"));
$b->loop();
var_dump($c->getEnabled());
$c = client($b, "c4");
var_dump($c->connectHost(null, "127.0.0.1", $closed_port, EventUtil::AF_INET));
$b->loop();
$c = client($b, "c5", EventBufferEvent::OPT_DEFER_CALLBACKS);
var_dump($c->connect("127.0.0.1:$closed_port"));
$b->loop();

echo "deferred connect\n";
$c = client($b, "c6", EventBufferEvent::OPT_DEFER_CALLBACKS);
var_dump($c->connect("127.0.0.1:$port"));
$c->write("deferred");
$b->loop(EventBase::LOOP_ONCE);
$peer = socket_accept($ls);
var_dump(socket_read($peer, 100));
socket_close($peer);
$c->enable(Event::READ);
$b->loop();

echo "lookup failure\n";
$c = client($b, "c7");
var_dump($c->connectHost(null, "no-such-host.invalid", 80));
var_dump($c->getDnsErrorString());

echo "parse errors\n";
$c = client($b, "c8");
foreach (["nonsense", "", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:-5", "[::1", "1.2.3:80", "localhost:80", "[::1]:abc"] as $a) {
    echo json_encode($a), ": "; var_dump($c->connect($a));
}
foreach ([[-1, 0], [0, 0], [70000, 0], [80, 12345], [80, -1]] as [$p, $f]) {
    echo "connectHost port $p family $f: "; var_dump($c->connectHost(null, "127.0.0.1", $p, $f));
}
try { $c->connectHost(new EventBase, "x", 1); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { $c->connectHost("str", "x", 1); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
echo "unix\n";
$c = client($b, "c9");
var_dump($c->connect("unix:" . __DIR__ . "/no-such.sock"));
var_dump($c->fd);
$path = __DIR__ . "/bev.sock";
@unlink($path);
$us = socket_create(AF_UNIX, SOCK_STREAM, 0);
socket_bind($us, $path);
socket_listen($us, 4);
$c = client($b, "c10");
var_dump($c->connect("UNIX:$path"));
$b->loop(EventBase::LOOP_ONCE);
$peer = socket_accept($us);
$c->write("over unix");
$b->loop(EventBase::LOOP_ONCE);
var_dump(socket_read($peer, 100));
socket_close($peer);
$c->enable(Event::READ);
$b->loop();
socket_close($us);
unlink($path);
socket_close($ls);
