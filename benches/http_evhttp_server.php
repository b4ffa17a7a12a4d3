<?php
// HTTP/1.1 keep-alive "hello world" on EventHttp, libevent's evhttp as PECL
// exposes it: the default callback answers every request with a 200 and a
// short text/plain body. Usage: php ... http_evhttp_server.php PORT
// Prints "ready" once listening; on SIGUSR1 "utime <µs>" (user CPU so far, for
// benches/event_http.sh); stops on SIGTERM. Exits 3 saying so when the loaded
// event extension has no EventHttp.
$port = (int) ($argv[1] ?? 8080);
if (!class_exists('EventHttp')) {
    fwrite(STDOUT, "unsupported: this event extension has no EventHttp\n");
    exit(3);
}
$base = new EventBase();
$http = new EventHttp($base);
$http->setDefaultCallback(function (EventHttpRequest $req) {
    $req->addHeader('Content-Type', 'text/plain', EventHttpRequest::OUTPUT_HEADER);
    $body = new EventBuffer();
    $body->add('ok');
    $req->sendReply(200, 'OK', $body);
});
if (!$http->bind('127.0.0.1', $port)) {
    fwrite(STDERR, "evhttp: cannot bind 127.0.0.1:$port\n");
    exit(1);
}
$stop = Event::signal($base, SIGTERM, function () use ($base) { $base->stop(); });
$stop->add();
$usage = Event::signal($base, SIGUSR1, function () {
    $u = getrusage();
    fwrite(STDOUT, "utime " . ($u['ru_utime.tv_sec'] * 1000000 + $u['ru_utime.tv_usec']) . "\n");
});
$usage->add();
fwrite(STDOUT, "ready\n");
$base->loop();
