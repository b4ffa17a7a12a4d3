<?php
// HTTP/1.1 keep-alive responder on EventListener + EventBufferEvent, the way
// the PECL manual's servers are written: the listener accepts, each
// connection is a bufferevent whose read callback answers every complete
// request in its input. Usage: php ... http_bev_server.php PORT
// Prints "ready" once listening; on SIGUSR1 "utime <µs>" (user CPU so far, for
// benches/event_http.sh); stops on SIGTERM. Exits 3 saying so when the loaded
// event extension has no EventListener/EventBufferEvent.
$port = (int) ($argv[1] ?? 8080);
if (!class_exists('EventListener') || !class_exists('EventBufferEvent')) {
    fwrite(STDOUT, "unsupported: this event extension has no EventListener/EventBufferEvent\n");
    exit(3);
}
const RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok";
$base = new EventBase();
$conns = [];
$onRead = function (EventBufferEvent $bev, $id) {
    $buf = (string) $bev->read(65536);
    if (strlen($buf) === 65536) {
        while (($more = $bev->read(65536)) !== null && $more !== '') $buf .= $more;
    }
    $out = '';
    while (($p = strpos($buf, "\r\n\r\n")) !== false) {
        $buf = substr($buf, $p + 4);
        $out .= RESPONSE;
    }
    // A partial request waits in the bufferevent's own input, not in PHP.
    if ($buf !== '') $bev->input->prepend($buf);
    if ($out !== '') $bev->write($out);
};
$onEvent = function (EventBufferEvent $bev, int $events, $id) use (&$conns) {
    if ($events & (EventBufferEvent::EOF | EventBufferEvent::ERROR)) {
        $bev->free();
        unset($conns[$id]);
    }
};
$nextId = 0;
$listener = new EventListener($base, function ($listener, $fd, $address, $arg) use ($base, &$conns, &$nextId, $onRead, $onEvent) {
    $id = $nextId++;
    $bev = new EventBufferEvent($base, $fd, EventBufferEvent::OPT_CLOSE_ON_FREE, $onRead, null, $onEvent, $id);
    $bev->enable(Event::READ);
    // The bufferevent lives as long as PHP holds it.
    $conns[$id] = $bev;
}, null, EventListener::OPT_CLOSE_ON_FREE | EventListener::OPT_REUSEABLE, 4096, "127.0.0.1:$port");
$listener->setErrorCallback(function () use ($base) {
    fwrite(STDERR, "listener: " . EventUtil::getLastSocketError() . "\n");
    $base->stop();
});
$stop = Event::signal($base, SIGTERM, function () use ($base) { $base->stop(); });
$stop->add();
$usage = Event::signal($base, SIGUSR1, function () {
    $u = getrusage();
    fwrite(STDOUT, "utime " . ($u['ru_utime.tv_sec'] * 1000000 + $u['ru_utime.tv_usec']) . "\n");
});
$usage->add();
fwrite(STDOUT, "ready\n");
$base->loop();
