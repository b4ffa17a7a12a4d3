<?php
// Shared by the raw-request probes of EventHttp (http_server_raw.php,
// http_server_limits.php): what a raw client sends and reads, and how replies print.

// libevent writes a body after the head of a reply that has none (a reply
// to HEAD, 1xx, 204, 304): a keep-alive client then reads it as the start
// of the next response. php-ipc does not (deliberate difference 1 of
// docs/event-http-core.md; php-tests/event/http_server_bodiless.phpt checks
// its bytes). Such bodies are cut here before the comparison, unless
// HTTP_PROBE_RAW is set (the raw oracle bytes that
// crates/ipc-core/tools/gen_http_vectors.py reads).
function cut_bodies_of_bodiless(string $label, string $bytes): string {
    if (getenv('HTTP_PROBE_RAW')) return $bytes;
    $out = ''; $first = true;
    while (preg_match('/^HTTP\/\d+\.\d+ (\d+)[^\r\n]*\r?\n/', $bytes, $m)) {
        $end = strpos($bytes, "\r\n\r\n");
        if ($end === false) break;
        $head = substr($bytes, 0, $end + 4);
        $rest = substr($bytes, $end + 4);
        $code = (int) $m[1];
        $bodiless = ($code >= 100 && $code < 200) || $code === 204 || $code === 304
            || ($first && stripos($label, 'head') !== false);
        if (!$bodiless) { $out .= $head; $bytes = $rest; $first = false; continue; }
        $next = strpos($rest, 'HTTP/1.');
        $out .= $head;
        $bytes = $next === false ? '' : substr($rest, $next);
        $first = false;
    }
    return $out . $bytes;
}

function show(string $label, string $bytes, bool $closed): void {
    if (preg_match_all('/^Date: (.*)\r$/m', $bytes, $m)) {
        foreach ($m[1] as $d) {
            if (!preg_match('/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/', $d)) {
                echo "BAD DATE FORMAT: $d\n";
            }
        }
        $bytes = preg_replace('/^Date: .*\r$/m', "Date: <DATE>\r", $bytes);
    }
    $bytes = cut_bodies_of_bodiless($label, $bytes);
    echo "== $label", $closed ? " (closed)" : " (open)", "\n";
    echo str_replace(["\r", "\n"], ['\r', "\\n\n"], $bytes), "\n";
}

// Sends each piece of $writes (pausing between them so that the server sees
// them apart), then reads until the server closes or stays quiet for a while.
function exchange(EventBase $base, int $port, array $writes, float $idle = 0.15): array {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    stream_set_blocking($c, false);
    $out = '';
    $closed = false;
    foreach ($writes as $w) {
        if ($w === null) { stream_socket_shutdown($c, STREAM_SHUT_WR); continue; }
        fwrite($c, $w);
        $t = microtime(true);
        while (microtime(true) - $t < 0.03) {
            $base->loop(EventBase::LOOP_NONBLOCK);
            $d = fread($c, 65536);
            if ($d !== '' && $d !== false) $out .= $d;
            usleep(1000);
        }
    }
    $last = microtime(true);
    while (microtime(true) - $last < $idle) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $closed = true; break; }
        usleep(1000);
    }
    fclose($c);
    $base->loop(EventBase::LOOP_NONBLOCK);
    return [$out, $closed];
}

function reply(EventHttpRequest $req, int $code, string $reason, ?string $body): void {
    if ($body === null) { $req->sendReply($code, $reason); return; }
    $b = new EventBuffer();
    $b->add($body);
    $req->sendReply($code, $reason, $b);
}

function describe(EventHttpRequest $req): void {
    $h = $req->getInputHeaders();
    $hs = [];
    foreach ($h as $k => $v) $hs[] = "$k=" . json_encode($v);
    $body = $req->getInputBuffer()->read(1 << 20);
    echo "cb: cmd=", $req->getCommand(), " uri=", json_encode($req->getUri()),
        isset($h['Host']) || isset($h['host']) ? " host=" . json_encode($req->getHost()) : "",
        " headers=[", implode(' ', $hs), "] body=", json_encode($body), "\n";
}
