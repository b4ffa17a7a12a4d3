<?php
// EventHttpConnection: unknown commands go out as "NULL" (libevent prints its
// NULL method name) and getCommand() keeps the value as a C unsigned; after
// setTimeout(1) an idle keep-alive connection closes after 1 s (close callback).
function f() {
$base = new EventBase();
$ls = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($ls, false), ':'), 1);
$srv = new Event($base, $ls, Event::READ | Event::PERSIST, function () use ($ls, $base) {
    $a = stream_socket_accept($ls, 0); stream_set_blocking($a, false); echo "accept\n";
    $e = new Event($base, $a, Event::READ | Event::PERSIST, function () use ($a) {
        $d = fread($a, 1000); if ($d === '' || $d === false) { echo "server eof\n"; $GLOBALS['evs'][0]->del(); return; }
        echo "server got ", json_encode($d), "\n";
        fwrite($a, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    });
    $e->add(); $GLOBALS['evs'][] = $e;
});
$srv->add();
$c = new EventHttpConnection($base, null, '127.0.0.1', $port);
$c->setTimeout(1);
$t = microtime(true);
$c->setCloseCallback(function () use ($t) { printf("close callback %.0f\n", microtime(true) - $t); });
foreach ([1, 3, 0, 512, 1 << 16, -1] as $ty) {
$GLOBALS['keep'][] = $r = new EventHttpRequest(function ($r, $d) use ($base, $t) { printf("cb %s %.0f: %s\n", $d, microtime(true) - $t, $r === null ? 'NULL' : $r->getResponseCode() . " cmd=" . $r->getCommand()); }, $ty);
var_dump($c->makeRequest($r, $ty, '/'));
}
$base->exit(3.2);
$base->loop();
unset($c);
foreach ($GLOBALS['evs'] as $e) $e->free(); $srv->free();
}
f();
echo "done\n";
