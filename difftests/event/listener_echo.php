<?php
// An echo server on EventListener: each accepted fd becomes a Socket
// (EventUtil::createSocket owns it) watched by a persistent READ Event that
// echoes what arrives and frees itself at end of file. 40 clients send
// seeded random payloads in pieces; every reply is compared byte for byte.
mt_srand(42);
$b = new EventBase;
$conns = [];
$served = 0;
$l = new EventListener($b, function ($l, $fd, $addr, $arg) use ($b, &$conns, &$served) {
    $s = EventUtil::createSocket($fd);
    $id = $fd;
    $ev = new Event($b, $s, Event::READ | Event::PERSIST, function ($sock) use (&$conns, $id, &$served) {
        $data = socket_read($conns[$id][0], 65536);
        if ($data === false || $data === "") {
            $conns[$id][1]->free();
            unset($conns[$id]); // closes the Socket
            $served++;
            return;
        }
        socket_write($conns[$id][0], $data);
    });
    $ev->add();
    $conns[$id] = [$s, $ev];
}, "echo", EventListener::OPT_CLOSE_ON_FREE | EventListener::OPT_REUSEABLE, -1, "127.0.0.1:0");
$probe = socket_import_stream(fopen("php://fd/" . $l->fd, "r"));
socket_getsockname($probe, $ip, $port);
unset($probe);

$clients = [];
for ($i = 0; $i < 40; $i++) {
    $c = stream_socket_client("tcp://127.0.0.1:$port");
    stream_set_blocking($c, false);
    $len = mt_rand(1, 20000);
    $payload = '';
    for ($j = 0; $j < $len; $j++) $payload .= chr(mt_rand(0, 255));
    $clients[] = ['s' => $c, 'out' => $payload, 'sent' => 0, 'in' => '', 'want' => $payload];
}
$deadline = microtime(true) + 20;
while (microtime(true) < $deadline) {
    $busy = false;
    foreach ($clients as &$c) {
        if ($c['s'] === null) continue;
        $busy = true;
        if ($c['sent'] < strlen($c['out'])) {
            $n = @fwrite($c['s'], substr($c['out'], $c['sent'], mt_rand(1, 4096)));
            if ($n) $c['sent'] += $n;
        }
        $r = fread($c['s'], 65536);
        if ($r !== false) $c['in'] .= $r;
        if (strlen($c['in']) >= strlen($c['want'])) { fclose($c['s']); $c['s'] = null; }
    }
    unset($c);
    if (!$busy) break;
    $b->loop(EventBase::LOOP_NONBLOCK);
}
// Let the server see every end of file.
while ($served < 40 && microtime(true) < $deadline) $b->loop(EventBase::LOOP_ONCE);
$ok = 0;
foreach ($clients as $c) if ($c['in'] === $c['want']) $ok++;
echo "clients $ok/40 byte-exact, served $served, open connections ", count($conns), "\n";
$l->free();
var_dump($b->loop(EventBase::LOOP_NONBLOCK));
