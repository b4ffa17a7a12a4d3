<?php
require __DIR__ . '/lib/tls_pair.php';

// Data both ways over TLS: the client sends 3 MB in uneven writes, the
// server echoes it, watermarks on the server's input; then renegotiation
// (TLS 1.3: CONNECTED again) and the client's data afterwards.
$base = new EventBase();
[$bs, $bc, $p] = tls_pair($base);
$total = 3 * 1024 * 1024;
mt_srand(7);
$data = '';
while (strlen($data) < $total) $data .= md5((string)mt_rand(), true);
$data = substr($data, 0, $total);
$got = '';
$reads = 0; $srvReads = 0; $writes = 0;
$bs->setWatermark(Event::READ, 0, 100000);
$bs->setCallbacks(function ($b) use (&$srvReads) {
    $srvReads++;
    $in = $b->getInput();
    if ($in->length > 100000) echo "server input above the high watermark\n";
    $b->writeBuffer($in);
}, null, function ($b, $e) { echo "server event ", ev($e), "\n"; });
$bc->setCallbacks(function ($b) use (&$got, &$reads, $total, $base) {
    $reads++;
    $got .= $b->read(1 << 20);
    if (strlen($got) >= $total) $base->exit();
}, function ($b) use (&$writes) { $writes++; }, function ($b, $e) use ($data) {
    echo "client event ", ev($e), "\n";
    if ($e & EventBufferEvent::CONNECTED) {
        for ($o = 0, $i = 1; $o < strlen($data); $o += $n, $i++) { $n = ($i * 7919) % 200000 + 1; $b->write(substr($data, $o, $n)); }
    }
});
$bs->enable(Event::READ); $bc->enable(Event::READ);
$base->exit(20);
$base->dispatch();
echo "echoed ", strlen($got), " bytes, same: ", var_export($got === $data, true), ", reads > 1: ", var_export($reads > 1 && $srvReads > 1, true), ", write callbacks: ", var_export($writes > 0, true), "\n";
echo "== renegotiate\n";
$bc->sslRenegotiate();
$got = '';
$bc->setCallbacks(function ($b) use (&$got, $base) { $got .= $b->read(100); if (strlen($got) >= 5) $base->exit(); }, null, function ($b, $e) { echo "client event ", ev($e), "\n"; });
$bc->write("after");
$base->exit(5);
$base->dispatch();
// sslRenegotiate() reported CONNECTED to the first event callback, which sent
// the data again: its start comes first (read() takes 100 bytes at a time).
var_dump(strlen($got), bin2hex(substr($got, 0, 8)));
$bs->free(); $bc->free();
socket_close($p[0]); socket_close($p[1]);
