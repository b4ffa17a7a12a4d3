<?php
// Malformed requests, generated from a fixed seed: valid requests with bytes
// replaced, inserted or cut, sent to an EventHttp server on 127.0.0.1 (port
// 0). The responses must be evhttp's, byte for byte (Date normalised; the
// bodies libevent writes after bodiless replies are cut, see
// http_server_raw.php).
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }

function cut_bodies_of_bodiless(string $bytes, bool $head): string {
    $out = ''; $first = true;
    while (preg_match('/^HTTP\/\d+\.\d+ (\d+)[^\r\n]*\r?\n/', $bytes, $m)) {
        $end = strpos($bytes, "\r\n\r\n");
        if ($end === false) break;
        $out .= substr($bytes, 0, $end + 4);
        $rest = substr($bytes, $end + 4);
        $code = (int) $m[1];
        if (($code >= 100 && $code < 200) || $code === 204 || $code === 304 || ($first && $head)) {
            $next = strpos($rest, 'HTTP/1.');
            $rest = $next === false ? '' : substr($rest, $next);
        }
        $bytes = $rest; $first = false;
    }
    return $out . $bytes;
}

function exchange(EventBase $base, int $port, string $req): array {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    stream_set_blocking($c, false);
    fwrite($c, $req);
    $out = ''; $closed = false; $last = microtime(true);
    while (microtime(true) - $last < 0.1) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $closed = true; break; }
        usleep(1000);
    }
    fclose($c);
    $base->loop(EventBase::LOOP_NONBLOCK);
    return [preg_replace('/^Date: .*\r$/m', "Date: <DATE>\r", $out), $closed];
}

$base = new EventBase();
$http = new EventHttp($base);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0);
socket_listen($sock, 16);
socket_getsockname($sock, $addr, $port);
$http->accept($sock);
$http->setMaxBodySize(64);
$http->setMaxHeadersSize(256);
$http->setDefaultCallback(function (EventHttpRequest $req) {
    $h = $req->getInputHeaders();
    echo "  cb: cmd=", $req->getCommand(), " uri=", json_encode($req->getUri()),
        " headers=", json_encode($h), " body=", json_encode($req->getInputBuffer()->read(1000)), "\n";
    $b = new EventBuffer();
    $b->add('ok');
    $req->sendReply(200, 'OK', $b);
});

$seeds = [
    "GET /a?b=c HTTP/1.1\r\nHost: h:80\r\nX-A: 1\r\n\r\n",
    "POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
    "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
    "HEAD /h HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    "PUT /u HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nxy",
];
$alphabet = ["\r", "\n", ' ', ':', '0', '9', 'a', 'F', '/', '%', "\0", "\t", '-', ';', 'HTTP/1.1', "\r\n", "\r\n\r\n"];
mt_srand(20261129);
for ($i = 0; $i < 100; $i++) {
    $req = $seeds[mt_rand(0, count($seeds) - 1)];
    $edits = mt_rand(1, 3);
    for ($e = 0; $e < $edits; $e++) {
        $pos = mt_rand(0, strlen($req));
        $ins = $alphabet[mt_rand(0, count($alphabet) - 1)];
        switch (mt_rand(0, 2)) {
            case 0: $req = substr($req, 0, $pos) . $ins . substr($req, $pos + 1); break;
            case 1: $req = substr($req, 0, $pos) . $ins . substr($req, $pos); break;
            default: $req = substr($req, 0, $pos) . substr($req, $pos + mt_rand(1, 4)); break;
        }
    }
    echo "== $i ", json_encode($req), "\n";
    [$out, $closed] = exchange($base, $port, $req);
    echo "  ", $closed ? "[closed] " : "[open] ", json_encode(cut_bodies_of_bodiless($out, str_starts_with($req, 'HEAD '))), "\n";
}
echo "done\n";
