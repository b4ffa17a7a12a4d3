<?php
// HTTP/1.1 keep-alive responder on EventBase + Event (one persistent READ
// event per connection). Usage: php ... http_event_server.php PORT
$port = (int) ($argv[1] ?? 8080);
$srv = stream_socket_server("tcp://127.0.0.1:$port", $en, $es, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
    stream_context_create(['socket' => ['backlog' => 4096, 'so_reuseport' => false]]));
if (!$srv) { fwrite(STDERR, "listen: $es\n"); exit(1); }
stream_set_blocking($srv, false);
const RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok";
$base = new EventBase();
$conns = [];
$bufs = [];
$onRead = function ($c, $what, $id) use (&$conns, &$bufs) {
    $d = fread($c, 65536);
    if ($d === '' || $d === false) {
        $conns[$id][1]->free();
        unset($conns[$id], $bufs[$id]);
        fclose($c);
        return;
    }
    $buf = $bufs[$id] . $d;
    $out = '';
    while (($p = strpos($buf, "\r\n\r\n")) !== false) {
        $buf = substr($buf, $p + 4);
        $out .= RESPONSE;
    }
    $bufs[$id] = $buf;
    if ($out !== '') fwrite($c, $out);
};
$accept = new Event($base, $srv, Event::READ | Event::PERSIST, function ($srv) use ($base, &$conns, &$bufs, $onRead) {
    while ($c = @stream_socket_accept($srv, 0)) {
        stream_set_blocking($c, false);
        stream_set_read_buffer($c, 0);
        $id = (int) $c;
        $ev = new Event($base, $c, Event::READ | Event::PERSIST, $onRead, $id);
        $ev->add();
        // Keep the stream: an Event does not hold a reference to it (as in PECL).
        $conns[$id] = [$c, $ev];
        $bufs[$id] = '';
    }
});
$accept->add();
$stop = Event::signal($base, SIGTERM, function () use ($base) { $base->stop(); });
$stop->add();
// SIGUSR1: print the user CPU time used so far (µs), for the benchmark driver.
$usage = Event::signal($base, SIGUSR1, function () { $u = getrusage(); fwrite(STDOUT, "utime " . ($u['ru_utime.tv_sec'] * 1000000 + $u['ru_utime.tv_usec']) . "\n"); });
$usage->add();
fwrite(STDOUT, "ready\n");
$base->loop();
