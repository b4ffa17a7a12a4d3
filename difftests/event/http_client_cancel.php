<?php
// EventHttpRequest::cancel() on client requests: a queued request leaves the
// queue without its callback; a request in flight closes the connection
// (close callback) and the next one goes out over a new connection; cancel()
// on a request never sent, or twice, does nothing.
function in_flight() {
$base = new EventBase();
$ls = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($ls, false), ':'), 1);
$srv = new Event($base, $ls, Event::READ | Event::PERSIST, function () use ($ls, $base) {
    $a = stream_socket_accept($ls, 0); stream_set_blocking($a, false); echo "accept\n";
    $e = new Event($base, $a, Event::READ | Event::PERSIST, function () use ($a, $base) {
        $d = fread($a, 1000); if ($d === '' || $d === false) { echo "server eof\n"; $GLOBALS['evs'][count($GLOBALS['evs'])-1]->del(); return; }
        echo "server got ", json_encode($d), "\n";
        if (str_contains($d, '/slow')) { $GLOBALS['slow']->cancel(); echo "cancelled in flight\n"; return; }
        fwrite($a, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    });
    $e->add(); $GLOBALS['evs'][] = $e; $GLOBALS['accs'][] = $a;
});
$srv->add();
$c = new EventHttpConnection($base, null, '127.0.0.1', $port);
$c->setCloseCallback(function () { echo "close callback\n"; });
$mk = function ($u) use ($c, $base) { $GLOBALS['keep'][] = $r = new EventHttpRequest(function ($r, $d) use ($base) { echo "callback $d: ", $r === null ? 'NULL' : $r->getResponseCode(), "\n"; if ($d === '/3') $base->exit(); }, $u); var_dump($c->makeRequest($r, EventHttpRequest::CMD_GET, $u)); return $r; };
$GLOBALS['slow'] = $mk('/slow'); $mk('/3');
$base->loop();
echo "loop done\n";
$r = new EventHttpRequest(fn() => 1);
$r->cancel(); echo "cancel unsent ok\n";
$c->makeRequest($r, 1, '/x'); $r->cancel(); $r->cancel(); echo "double cancel ok\n";
$base->loop(EventBase::LOOP_NONBLOCK);
unset($c);
foreach ($GLOBALS['evs'] as $e) $e->free(); $srv->free();
}
in_flight();
echo "done\n";
function queued() {
$base = new EventBase();
$ls = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($ls, false), ':'), 1);
$n = 0; $accs = [];
$srv = new Event($base, $ls, Event::READ | Event::PERSIST, function () use ($ls, &$accs, $base) {
    $a = stream_socket_accept($ls, 0); stream_set_blocking($a, false); $accs[] = $a; echo "accept\n";
    $e = new Event($base, $a, Event::READ | Event::PERSIST, function () use ($a) {
        $d = fread($a, 1000); if ($d === '' || $d === false) { echo "server eof\n"; return; }
        echo "server got ", json_encode($d), "\n";
        fwrite($a, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    });
    $e->add(); $GLOBALS['evs'][] = $e;
});
$srv->add();
$c = new EventHttpConnection($base, null, '127.0.0.1', $port);
$c->setCloseCallback(function () { echo "close callback\n"; });
$mk = function ($u) use ($c, $base) { $GLOBALS['keep'][] = $r = new EventHttpRequest(function ($r, $d) use ($base) { echo "callback $d: ", $r === null ? 'NULL' : $r->getResponseCode(), "\n"; if ($d === '/3') $base->exit(); }, $u); $c->makeRequest($r, EventHttpRequest::CMD_GET, $u); return $r; };
$r1 = $mk('/1'); $r2 = $mk('/2'); $r3 = $mk('/3');
$r2->cancel();
echo "cancelled /2\n";
$base->loop(EventBase::LOOP_ONCE);
$base->loop(EventBase::LOOP_ONCE);
$base->loop();
echo "loop done\n";
unset($c);
foreach ($GLOBALS['evs'] as $e) $e->free(); $srv->free();
}
queued();

