<?php
// EventHttpConnection failures: a refused connect (every queued request's
// callback gets its request with response code 0, no close callback),
// setRetries() (2 s before the first retry), ports out of range (kept as an unsigned short), host names that do not
// resolve (NULL, before makeRequest returns), a connect(2) that fails at
// once with another error than ECONNREFUSED (NULL, no retries), and
// requests made from inside a callback.

function closed_port(): int {
    $s = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1);
    fclose($s);
    return $port;
}

function attempt(string $label, string $host, int $port, int $n = 1, array $opt = []): void {
    echo "== $label\n";
    $base = new EventBase();
    $GLOBALS['conn'] = $c = new EventHttpConnection($base, null, $host, $port);
    if (isset($opt['retries'])) $c->setRetries($opt['retries']);
    $c->setCloseCallback(function () { echo "  close callback\n"; });
    $t = microtime(true);
    for ($i = 1; $i <= $n; $i++) {
        $req = new EventHttpRequest(function ($r, $d) use ($t, $opt) {
            printf("  callback %s after %.0fs: ", $d, microtime(true) - $t);
            if ($r === null) { echo "NULL\n"; return; }
            echo "code=", $r->getResponseCode(), " command=", $r->getCommand(), " uri=", $r->getUri(),
                " out=", json_encode($r->getOutputHeaders()), " in=", json_encode($r->getInputHeaders()),
                " conn=", $r->getConnection() === null ? 'null' : 'object', "\n";
            if (!empty($opt['again']) && $d === 'r1') {
                $GLOBALS['keep'][] = $again = new EventHttpRequest(function ($r, $d) { echo "  callback $d: ", $r === null ? 'NULL' : $r->getResponseCode(), "\n"; }, 'again');
                echo "  makeRequest from the callback: ", var_export($GLOBALS['conn']->makeRequest($again, EventHttpRequest::CMD_GET, '/again'), true), "\n";
            }
        }, "r$i");
        // Kept to the end: PECL double-frees a request object destroyed
        // after its callback (libevent has freed the request).
        $GLOBALS['keep'][] = $req;
        $req->addHeader('X-N', (string) $i, EventHttpRequest::OUTPUT_HEADER);
        echo "  makeRequest r$i: ", var_export($c->makeRequest($req, EventHttpRequest::CMD_POST, "/r$i"), true), "\n";
    }
    $base->loop();
    echo "  loop done\n";
    // PECL crashes when the base goes before the connection.
    unset($c, $GLOBALS['conn']);
}

$p = closed_port();
attempt('refused', '127.0.0.1', $p);
attempt('refused, three queued', '127.0.0.1', $p, 3);
attempt('refused, a request made from the callback', '127.0.0.1', $p, 1, ['again' => true]);
attempt('refused, one retry', '127.0.0.1', $p, 1, ['retries' => 1]);
attempt('port -1 (65535)', '127.0.0.1', -1);
attempt('empty host', '', 80);
attempt('bracketed IPv6 literal', '[::1]', 80);
attempt('host with NUL', "127.0.0.1\0x", $p);
attempt('refused on ::1', '::1', $p);
attempt('0.0.0.0 (this host: refused)', '0.0.0.0', $p);
attempt('broadcast address (connect fails at once: EACCES)', '255.255.255.255', 80, 2, ['retries' => 3]);
echo "done\n";
