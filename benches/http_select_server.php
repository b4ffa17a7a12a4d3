<?php
// The same HTTP/1.1 keep-alive responder with plain stream_select()
// (limited to descriptors < 1024). Usage: php ... http_select_server.php PORT
$port = (int) ($argv[1] ?? 8080);
$srv = stream_socket_server("tcp://127.0.0.1:$port", $en, $es, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
    stream_context_create(['socket' => ['backlog' => 4096]]));
if (!$srv) { fwrite(STDERR, "listen: $es\n"); exit(1); }
stream_set_blocking($srv, false);
const RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok";
$conns = [];
$bufs = [];
$running = true;
pcntl_async_signals(true);
pcntl_signal(SIGTERM, function () use (&$running) { $running = false; });
// SIGUSR1: print the user CPU time used so far (µs), for the benchmark driver.
pcntl_signal(SIGUSR1, function () { $u = getrusage(); fwrite(STDOUT, "utime " . ($u['ru_utime.tv_sec'] * 1000000 + $u['ru_utime.tv_usec']) . "\n"); });
fwrite(STDOUT, "ready\n");
while ($running) {
    $r = $conns;
    $r[] = $srv;
    $w = $e = null;
    if (@stream_select($r, $w, $e, 1) === false) {
        if (!$running) break;
        continue;
    }
    foreach ($r as $c) {
        if ($c === $srv) {
            while ($n = @stream_socket_accept($srv, 0)) {
                stream_set_blocking($n, false);
                stream_set_read_buffer($n, 0);
                $conns[(int) $n] = $n;
                $bufs[(int) $n] = '';
            }
            continue;
        }
        $id = (int) $c;
        $d = fread($c, 65536);
        if ($d === '' || $d === false) {
            unset($conns[$id], $bufs[$id]);
            fclose($c);
            continue;
        }
        $buf = $bufs[$id] . $d;
        $out = '';
        while (($p = strpos($buf, "\r\n\r\n")) !== false) {
            $buf = substr($buf, $p + 4);
            $out .= RESPONSE;
        }
        $bufs[$id] = $buf;
        if ($out !== '') fwrite($c, $out);
    }
}
