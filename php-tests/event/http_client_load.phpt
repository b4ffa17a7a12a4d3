--TEST--
EventHttpConnection: 1,000 requests on one keep-alive connection, 40 connections with 25 queued requests each, and cycles through callbacks collected (EventHttp server on the same base)
--EXTENSIONS--
event
--FILE--
<?php
$base = new EventBase();
$http = new EventHttp($base);
$http->setDefaultCallback(function ($req) {
    $b = new EventBuffer();
    $b->add($req->getUri() . '|' . $req->getInputBuffer()->read(100));
    $req->sendReply(200, 'OK', $b);
});
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 128);
socket_getsockname($sock, $addr, $port);
$http->accept($sock);

// 1. 1,000 requests one after the other (each sent from the previous one's callback).
$c = new EventHttpConnection($base, null, '127.0.0.1', $port);
$closes = 0;
$c->setCloseCallback(function () use (&$closes) { $closes++; });
$ok = 0; $bad = 0; $n = 0;
$next = function () use (&$next, &$n, &$ok, &$bad, $c, $base) {
    if ($n === 1000) { $base->exit(); return; }
    $i = $n++;
    $req = new EventHttpRequest(function ($r, $i) use (&$next, &$ok, &$bad) {
        if ($r !== null && $r->getResponseCode() === 200 && $r->getInputBuffer()->read(100) === "/s$i|b$i") $ok++; else $bad++;
        $next();
    }, $i);
    $req->getOutputBuffer()->add("b$i");
    $c->makeRequest($req, EventHttpRequest::CMD_POST, "/s$i");
};
$next();
$base->loop();
echo "sequential: ok=$ok bad=$bad closes=$closes\n";
unset($c, $next);

// 2. 40 connections, 25 requests queued on each at once.
$ok = 0; $bad = 0; $left = 40 * 25; $conns = [];
for ($k = 0; $k < 40; $k++) {
    $conns[$k] = $conn = new EventHttpConnection($base, null, '127.0.0.1', $port);
    for ($j = 0; $j < 25; $j++) {
        $req = new EventHttpRequest(function ($r, $d) use (&$ok, &$bad, &$left, $base) {
            if ($r !== null && $r->getInputBuffer()->read(100) === "/c$d|") $ok++; else $bad++;
            if (--$left === 0) $base->exit();
        }, "$k/$j");
        $conn->makeRequest($req, EventHttpRequest::CMD_GET, "/c$k/$j");
    }
}
$base->loop();
echo "queued: ok=$ok bad=$bad\n";
$conns = [];

// 3. Connections and requests whose callbacks hold each other: collected.
$round = function () use ($base, $port) {
    $c = new EventHttpConnection($base, null, '127.0.0.1', $port);
    $req = new EventHttpRequest(function ($r, $d) use ($base, &$c, &$req) { $base->exit(); }, null);
    $c->setCloseCallback(function () use (&$c, &$req) {});
    $c->makeRequest($req, EventHttpRequest::CMD_GET, '/cycle');
    $base->loop();
};
for ($i = 0; $i < 50; $i++) $round();
gc_collect_cycles();
$mem = memory_get_usage();
for ($i = 0; $i < 300; $i++) $round();
gc_collect_cycles();
$grown = memory_get_usage() - $mem;
echo "cycles: grown ", $grown < 100000 ? "under 100 kB" : "by $grown bytes", "\n";
echo "done\n";
?>
--EXPECT--
sequential: ok=1000 bad=0 closes=0
queued: ok=1000 bad=0
cycles: grown under 100 kB
done
