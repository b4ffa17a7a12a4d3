--TEST--
EventBufferEvent::createSslFilter over createPair: 10 MB each way at once, byte-exact, in uneven writes; then TLS 1.2 renegotiation (server- and client-side) mid-stream with the data intact
--EXTENSIONS--
event
--INI--
memory_limit=512M
--FILE--
<?php
$fx = __DIR__ . '/../../difftests/event/fixtures/';
function payload($n, $seed) {
    mt_srand($seed);
    $d = '';
    while (strlen($d) < $n) $d .= md5((string)mt_rand(), true);
    return substr($d, 0, $n);
}
function run($fx, $v12, $reneg) {
    $base = new EventBase();
    [$u1, $u2] = EventBufferEvent::createPair($base);
    $s = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, [EventSslContext::OPT_LOCAL_CERT => $fx . 'cert.pem', EventSslContext::OPT_LOCAL_PK => $fx . 'key.pem']);
    $c = new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []);
    if ($v12) $c->setMaxProtoVersion(EventSslContext::TLS1_2_VERSION);
    $fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
    $fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
    $total = 10 << 20;
    $data = ['s' => payload($total, 1), 'c' => payload($total, 2)];
    $got = ['s' => '', 'c' => ''];
    $connected = ['s' => 0, 'c' => 0];
    $renegotiated = false;
    foreach (['s' => $fs, 'c' => $fc] as $n => $b) {
        $b->setCallbacks(function ($b) use ($n, &$got, $total, $base, &$renegotiated, $reneg, $fs, $fc) {
            while ($b->getInput()->length > 0) $got[$n] .= $b->read(1 << 22);
            if (!$renegotiated && $reneg && strlen($got[$n]) > $total / 2) {
                $renegotiated = true;
                ($reneg == 's' ? $fs : $fc)->sslRenegotiate();
            }
            if (strlen($got['s']) >= $total && strlen($got['c']) >= $total) $base->exit();
        }, null, function ($b, $e) use ($n, &$connected, $data) {
            if ($e & EventBufferEvent::CONNECTED) {
                if ($connected[$n]++ == 0) {
                    $d = $data[$n];
                    for ($o = 0, $i = 1; $o < strlen($d); $o += $k, $i++) { $k = ($i * 7919) % 300000 + 1; $b->write(substr($d, $o, $k)); }
                }
                return;
            }
            echo "$n event $e: ", $b->sslError(), "\n";
        });
        $b->enable(Event::READ);
    }
    $base->exit(60);
    $base->dispatch();
    printf("%s%s: server got %d bytes, same: %s; client got %d bytes, same: %s; protocol %s; CONNECTED s=%d c=%d\n",
        $v12 ? 'TLS 1.2' : 'TLS 1.3', $reneg ? ", $reneg renegotiates" : '',
        strlen($got['s']), var_export($got['s'] === $data['c'], true),
        strlen($got['c']), var_export($got['c'] === $data['s'], true), $fc->sslGetProtocol(), $connected['s'], $connected['c']);
    $fs->free(); $fc->free(); $u1->free(); $u2->free();
}
run($fx, false, null);
run($fx, true, null);
run($fx, true, 's');
run($fx, false, 'c');
?>
--EXPECT--
TLS 1.3: server got 10485760 bytes, same: true; client got 10485760 bytes, same: true; protocol TLSv1.3; CONNECTED s=1 c=1
TLS 1.2: server got 10485760 bytes, same: true; client got 10485760 bytes, same: true; protocol TLSv1.2; CONNECTED s=1 c=1
TLS 1.2, s renegotiates: server got 10485760 bytes, same: true; client got 10485760 bytes, same: true; protocol TLSv1.2; CONNECTED s=2 c=1
TLS 1.3, c renegotiates: server got 10485760 bytes, same: true; client got 10485760 bytes, same: true; protocol TLSv1.3; CONNECTED s=1 c=2
