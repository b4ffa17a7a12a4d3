--TEST--
Event: HTTP/1.1 keep-alive responder (EventBase + Event, non-blocking sockets) serving 1,000 concurrent clients of another process
--EXTENSIONS--
event
pcntl
--FILE--
<?php
const CLIENTS = 1000;
const REQUESTS = 3; // per connection, on the same keep-alive connection
$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
    stream_context_create(['socket' => ['backlog' => 2048]]));
stream_set_blocking($srv, false);
$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);
list($ctlParent, $ctlChild) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

$pid = pcntl_fork();
if ($pid === 0) {
    // Client process: plain PHP streams and stream_select, 1,000 sockets open at once.
    fclose($ctlParent); fclose($srv);
    pcntl_alarm(30);
    $socks = []; $state = [];
    for ($i = 0; $i < CLIENTS; $i++) {
        $s = stream_socket_client("tcp://127.0.0.1:$port", $en, $es, 10, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
        stream_set_blocking($s, false);
        $socks[$i] = $s; $state[$i] = ['sent' => 0, 'got' => 0, 'buf' => '', 'pending' => true];
    }
    $ok = 0; $bad = 0;
    $req = fn($i, $n) => "GET /c$i/r$n HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n";
    while ($socks) {
        $r = []; $w = [];
        foreach ($socks as $i => $s) { if ($state[$i]['pending']) $w[$i] = $s; else $r[$i] = $s; }
        $e = null;
        if (stream_select($r, $w, $e, 10) === false) break;
        foreach ($w as $i => $s) {
            fwrite($s, $req($i, $state[$i]['sent']));
            $state[$i]['sent']++; $state[$i]['pending'] = false;
        }
        foreach ($r as $i => $s) {
            $d = fread($s, 8192);
            if ($d === '' || $d === false) { $bad++; fclose($s); unset($socks[$i]); continue; }
            $state[$i]['buf'] .= $d;
            $want = "HTTP/1.1 200 OK\r\nContent-Length: " . strlen("/c$i/r" . $state[$i]['got']) . "\r\nConnection: keep-alive\r\n\r\n/c$i/r" . $state[$i]['got'];
            if (strlen($state[$i]['buf']) < strlen($want)) continue;
            if ($state[$i]['buf'] === $want) $ok++; else $bad++;
            $state[$i]['buf'] = '';
            $state[$i]['got']++;
            if ($state[$i]['got'] === REQUESTS) { fclose($s); unset($socks[$i]); }
            else $state[$i]['pending'] = true;
        }
    }
    fwrite($ctlChild, "ok=$ok bad=$bad\n");
    fclose($ctlChild);
    exit(0);
}
fclose($ctlChild);

// Server: EventBase + Event, one persistent READ event per connection.
$base = new EventBase();
$conns = [];
$maxOpen = 0;
$served = 0;
$onRead = function ($c, $what, $id) use (&$conns, &$served) {
    $d = fread($c, 65536);
    if ($d === '' || $d === false) {
        $conns[$id][1]->free();
        fclose($c);
        unset($conns[$id]);
        return;
    }
    $conns[$id][2] .= $d;
    while (($p = strpos($conns[$id][2], "\r\n\r\n")) !== false) {
        $head = substr($conns[$id][2], 0, $p);
        $conns[$id][2] = substr($conns[$id][2], $p + 4);
        $path = explode(' ', $head, 3)[1];
        fwrite($c, "HTTP/1.1 200 OK\r\nContent-Length: " . strlen($path) . "\r\nConnection: keep-alive\r\n\r\n" . $path);
        $served++;
    }
};
$accept = new Event($base, $srv, Event::READ | Event::PERSIST, function ($srv) use ($base, &$conns, &$maxOpen, $onRead) {
    while ($c = @stream_socket_accept($srv, 0)) {
        stream_set_blocking($c, false);
        $id = (int) $c;
        $ev = new Event($base, $c, Event::READ | Event::PERSIST, $onRead, $id);
        $ev->add();
        $conns[$id] = [$c, $ev, ''];
    }
    $maxOpen = max($maxOpen, count($conns));
});
$accept->add();
$result = '';
$ctl = new Event($base, $ctlParent, Event::READ | Event::PERSIST, function ($s) use ($base, &$result) {
    $d = fread($s, 100);
    if ($d === '' || $d === false) { $base->stop(); return; }
    $result .= $d;
});
$ctl->add();
$guard = Event::timer($base, function () use ($base) { echo "timeout\n"; $base->stop(); });
$guard->addTimer(60);
$base->loop();
pcntl_waitpid($pid, $st);
echo trim($result), "\n";
echo "served: $served\n";
echo "concurrent connections seen: ", $maxOpen >= 900 ? ">= 900" : $maxOpen, "\n";
echo "open after clients left: ", count($conns), "\n";
?>
--EXPECT--
ok=3000 bad=0
served: 3000
concurrent connections seen: >= 900
open after clients left: 0
