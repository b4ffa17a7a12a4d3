<?php
// C10K: 10,000 concurrent TCP connections on 127.0.0.1 held open by an
// EventBase server, each served once (request → reply) while all stay open,
// then closed. The clients run in a forked process (also on EventBase: more
// than 1,024 descriptors rule out stream_select). Prints the server's RSS
// before and at peak (VmHWM), and how many clients got their reply.
// STYLE `event` (the default): streams accepted by an Event on the listening
// stream, one READ|PERSIST Event each. STYLE `bev`: EventListener accepts and
// each connection is an EventBufferEvent (the PECL manual's way).
//   php -n -d extension=sockets -d extension=target/release/libphp_ipc.so benches/event_c10k.php [N [STYLE]]
$N = (int) ($argv[1] ?? 10000);
$style = $argv[2] ?? (getenv('C10K_STYLE') ?: 'event');
if (!in_array($style, ['event', 'bev'], true)) { fwrite(STDERR, "c10k: STYLE is event or bev\n"); exit(2); }
if ($style === 'bev' && !(class_exists('EventListener') && class_exists('EventBufferEvent'))) {
    echo "c10k: unsupported: this event extension has no EventListener/EventBufferEvent\n";
    exit(3);
}
function rss_kb($field) {
    foreach (file('/proc/self/status') as $l) if (strncmp($l, $field . ':', strlen($field) + 1) === 0) return (int) preg_replace('/\D/', '', $l);
    return 0;
}
$srv = stream_socket_server('tcp://127.0.0.1:0', $en, $es, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
    stream_context_create(['socket' => ['backlog' => 4096]]));
stream_set_blocking($srv, false);
$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);
list($ctlP, $ctlC) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$pid = pcntl_fork();
if ($pid === 0) {
    fclose($ctlP); fclose($srv);
    pcntl_alarm(120);
    $b = new EventBase();
    $socks = []; $evs = []; $got = 0; $pending = 0; $opened = 0;
    $open = function () use (&$open, $b, $port, &$socks, &$evs, &$got, &$pending, &$opened, $N, $ctlC) {
        // Open in batches so the listen backlog keeps up.
        for ($k = 0; $k < 500 && $opened < $N; $k++, $opened++) {
            $s = stream_socket_client("tcp://127.0.0.1:$port", $en, $es, 10, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
            if (!$s) { fwrite(STDERR, "connect failed: $es\n"); continue; }
            stream_set_blocking($s, false);
            $i = $opened;
            $socks[$i] = $s;
            $w = new Event($b, $s, Event::WRITE, function ($s) use ($i) { fwrite($s, "GET /$i HTTP/1.1\r\nHost: x\r\n\r\n"); });
            $w->add();
            $r = new Event($b, $s, Event::READ | Event::PERSIST, function ($s, $what, $i) use (&$got, &$evs, $N, $b, $ctlC, &$socks) {
                $d = fread($s, 4096);
                if ($d !== '' && $d !== false && str_ends_with($d, "/$i")) $got++;
                $evs[$i][1]->del();
                if ($got === $N) { fwrite($ctlC, "ALL\n"); }
            }, $i);
            $r->add();
            $evs[$i] = [$w, $r];
        }
        if ($opened < $N) { $t = Event::timer($b, $open); $t->addTimer(0.005); $evs['t' . $opened] = [$t, $t]; }
    };
    $open();
    // Hold every connection open until the server says it has seen them all replied.
    $done = new Event($b, $ctlC, Event::READ | Event::PERSIST, function ($s) use ($b) { if (fread($s, 10) !== false) $b->stop(); });
    $done->add();
    $b->loop();
    fwrite($ctlC, "got=$got\n");
    exit(0);
}
fclose($ctlC);
$rss0 = rss_kb('VmRSS');
$t0 = microtime(true);
$base = new EventBase();
$conns = []; $served = 0; $maxOpen = 0; $msg = '';
if ($style === 'bev') {
    // The reply goes out of the bufferevent's output; EOF from the client frees it.
    $onBevRead = function (EventBufferEvent $bev, $id) use (&$served) {
        $d = (string) $bev->read(4096);
        $path = explode(' ', $d, 3)[1] ?? '/';
        $bev->write("HTTP/1.1 200 OK\r\nContent-Length: " . strlen($path) . "\r\n\r\n" . $path);
        $served++;
    };
    $onBevEvent = function (EventBufferEvent $bev, int $events, $id) use (&$conns) {
        if ($events & (EventBufferEvent::EOF | EventBufferEvent::ERROR)) { $bev->free(); unset($conns[$id]); }
    };
    $listener = new EventListener($base, function ($l, $fd, $addr, $arg) use ($base, &$conns, &$maxOpen, $onBevRead, $onBevEvent) {
        $bev = new EventBufferEvent($base, $fd, EventBufferEvent::OPT_CLOSE_ON_FREE, $onBevRead, null, $onBevEvent, $fd);
        $bev->enable(Event::READ);
        $conns[$fd] = $bev;
        $maxOpen = max($maxOpen, count($conns));
    }, null, EventListener::OPT_CLOSE_ON_FREE | EventListener::OPT_REUSEABLE, 4096, $srv);
} else {
    // One read callback for every connection (the connection id is the Event's arg).
    $onRead = function ($c, $what, $id) use (&$conns, &$served) {
        $d = fread($c, 4096);
        if ($d === '' || $d === false) { $conns[$id][1]->free(); fclose($c); unset($conns[$id]); return; }
        $path = explode(' ', $d, 3)[1] ?? '/';
        fwrite($c, "HTTP/1.1 200 OK\r\nContent-Length: " . strlen($path) . "\r\n\r\n" . $path);
        $served++;
    };
    $unbuffered = getenv('C10K_BUFFERED') === false;
    $accept = new Event($base, $srv, Event::READ | Event::PERSIST, function ($srv) use ($base, &$conns, &$maxOpen, $onRead, $unbuffered) {
        while ($c = @stream_socket_accept($srv, 0)) {
            stream_set_blocking($c, false);
            // PHP gives every stream an 8 KiB read buffer on first read; a server
            // holding 10k sockets that reads with fread() does not need it.
            if ($unbuffered) stream_set_read_buffer($c, 0);
            $id = (int) $c;
            $ev = new Event($base, $c, Event::READ | Event::PERSIST, $onRead, $id);
            $ev->add();
            $conns[$id] = [$c, $ev];
        }
        $maxOpen = max($maxOpen, count($conns));
    });
    $accept->add();
}
$ctl = new Event($base, $ctlP, Event::READ | Event::PERSIST, function ($s) use ($base, &$msg, &$maxOpen, $N, &$peak) {
    $d = fread($s, 100);
    if ($d === '' || $d === false) { $base->stop(); return; }
    $msg .= $d;
    if (str_contains($msg, "ALL\n")) { $peak = rss_kb("VmHWM"); $GLOBALS["phpmem"] = memory_get_usage(true); fwrite($s, "x"); }
    if (str_contains($msg, "got=")) $base->stop();
});
$ctl->add();
$guard = Event::timer($base, function () use ($base) { echo "timeout\n"; $base->stop(); });
$guard->addTimer(100);
$base->loop();
pcntl_waitpid($pid, $st);
preg_match('/got=(\d+)/', $msg, $m);
printf("php_heap_at_peak=%.1fMB\n", ($GLOBALS["phpmem"] ?? 0) / 1048576);
printf("c10k: N=%d served=%d clients_replied=%s max_concurrent=%d rss_before=%.1fMB peak_rss=%.1fMB growth=%.1fMB time=%.2fs style=%s\n",
    $N, $served, $m[1] ?? '?', $maxOpen, $rss0 / 1024, ($peak ?? rss_kb('VmHWM')) / 1024, (($peak ?? rss_kb('VmHWM')) - $rss0) / 1024, microtime(true) - $t0, $style);
