<?php
// PENDING: needs EventBufferEvent (bev branch) with src/event/dns/connect_host.patch applied;
// rename to dns_resolve.php then. Identical to PECL event 3.1.5 on the merged tree.
// EventBufferEvent::connectHost through an EventDnsBase: every scenario's
// nameservers are UDP sockets on 127.0.0.1 served by this script in the same
// loop (plain Events), hosts files are in a temporary folder; nothing leaves
// the machine. Printed: the queries each server sees (names lowercased, as
// evdns randomises their case), libevent's notices, the event callback and
// getDnsErrorString().
set_error_handler(function ($no, $str) {
    echo $no === E_NOTICE ? "Notice: " : "Warning: ", preg_replace('/127\.0\.0\.1:\d+/', 'NS', $str), "\n";
    return true;
});
function udp() {
    $s = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
    socket_bind($s, "127.0.0.1", 0);
    socket_getsockname($s, $ip, $port);
    return [$s, $port];
}
function qname($p, $off) {
    $n = [];
    while (($l = ord($p[$off])) > 0) { $n[] = substr($p, $off + 1, $l); $off += $l + 1; }
    return [implode(".", $n), $off + 1];
}
$tcp = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($tcp, "127.0.0.1", 0);
socket_listen($tcp, 50);
socket_getsockname($tcp, $tip, $tport);
$dir = sys_get_temp_dir() . "/dns_resolve_" . getmypid();
@mkdir($dir);
file_put_contents("$dir/hosts", "::1 h6first\n127.0.0.1 h6first\n127.0.0.1 v4 # c\n#x\n  127.0.0.1\tTabbed  other\r\n1.2.3.4:80 withport\n");

// $mode: how server $which answers a query of $type for $name.
function answer($mode, $which, $name, $type, $hdr, $q) {
    $A = "\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x10\x00\x04\x7f\x00\x00\x01";
    $AAAA = "\xc0\x0c\x00\x1c\x00\x01\x00\x00\x00\x10\x00\x10" . str_repeat("\0", 15) . "\x01";
    $r = fn($fl, $an, $ans = "") => $hdr . $fl . "\x00\x01\x00" . chr($an) . "\x00\x00\x00\x00" . $q . $ans;
    $ok = fn() => $type == 1 ? $r("\x81\x80", 1, $A) : $r("\x81\x80", 0);
    switch ($mode) {
        case "a": return $ok();
        case "both": return $type == 1 ? $r("\x81\x80", 1, $A) : $r("\x81\x80", 1, $AAAA);
        case "nx": return $r("\x81\x83", 0);
        case "servfail": return $r("\x81\x82", 0);
        case "silent": return null;
        case "nodata": return $r("\x81\x80", 0);
        case "refused": case "refused2": return $which == 1 ? $r("\x81\x85", 0) : $ok();
        case "silent2": return $which == 2 ? $ok() : null;
        case "three": return $which == 3 ? $r("\x81\x83", 0) : null;
        case "nx_timeout": return $type == 1 ? $r("\x81\x83", 0) : null;
        case "timeout_nx": return $type == 28 ? $r("\x81\x83", 0) : null;
        case "skew": return $type == 1 ? $r("\x81\x80", 1, $A) : null;
        case "badq": return $hdr . "\x81\x80\x00\x01\x00\x00\x00\x00\x00\x00\x03xyz\x00\x00\x01\x00\x01";
        case "trunc": return substr($ok(), 0, -2);
        case "tc": return $r("\x83\x80", 0);
        case "badptr": return $r("\x81\x80", 1, "\xc3\xff" . substr($A, 2));
        case "loop": return $r("\x81\x80", 1, "\xc0\x23" . substr($A, 2));
        case "oddlen": return $r("\x81\x80", 1, substr($A, 0, 10) . "\x00\x03\x7f\x00\x00");
        case "wrongid": return chr(ord($hdr[0]) ^ 0xff) . $hdr[1] . substr($ok(), 2);
        case "caseup": return $hdr . "\x81\x80\x00\x01\x00\x00\x00\x00\x00\x00" . strtoupper($q);
        case "search": return strtolower($name) === "foo.s1.test" ? $ok() : $r("\x81\x83", 0);
        case "query": return $hdr . "\x01\x00" . substr($ok(), 4);
    }
    return null;
}

function scenario($mode, $host = "foo", $family = EventUtil::AF_UNSPEC, $setup = null) {
    global $tport, $tcp;
    echo "== $mode $host $family\n";
    $b = new EventBase();
    $d = new EventDnsBase($b, false);
    $n = in_array($mode, ["refused2", "silent2"]) ? 2 : ($mode == "three" ? 3 : ($mode == "none" ? 0 : 1));
    $evs = [];
    for ($i = 1; $i <= $n; $i++) {
        [$s, $p] = udp();
        $d->addNameserverIp("127.0.0.1:$p");
        $evs[] = $e = new Event($b, $s, Event::READ | Event::PERSIST, function () use ($s, $i, $mode) {
            socket_recvfrom($s, $buf, 2000, 0, $rip, $rport);
            [$name, $o] = qname($buf, 12);
            $type = unpack("n", $buf, $o)[1];
            printf("ns%d %s type=%d flags=%04x\n", $i, strtolower($name), $type, unpack("n", $buf, 2)[1]);
            $resp = answer($mode, $i, $name, $type, substr($buf, 0, 2), substr($buf, 12, $o + 4 - 12));
            if ($resp !== null) socket_sendto($s, $resp, strlen($resp), 0, $rip, $rport);
        });
        $e->add();
    }
    $d->setOption("timeout:", "0.2");
    $d->setOption("attempts:", "2");
    $d->setOption("getaddrinfo-allow-skew:", "0.5");
    if ($setup) $setup($d);
    // A lookup with no nameserver waits forever (evdns's queue): give up.
    $x = Event::timer($b, function () use ($b) { echo "no callback\n"; $b->stop(); });
    $x->addTimer(3);
    $called = false;
    $bev = new EventBufferEvent($b, null, EventBufferEvent::OPT_CLOSE_ON_FREE, null, null, function ($bev, $what) use ($b, $tcp, $x, &$called) {
        $called = true;
        $r = [$tcp]; $w = $e = null;
        $conn = socket_select($r, $w, $e, 0, 200000);
        if ($conn) socket_close(socket_accept($tcp));
        printf("event %d dnserr=%s connected=%d\n", $what, var_export($bev->getDnsErrorString(), true), $conn);
        $x->del();
        $b->stop();
    });
    var_dump($bev->connectHost($d, $host, $tport, $family));
    if (!$called) $b->loop();
    $bev->free();
}

foreach (["a", "both", "nx", "servfail", "silent", "nodata", "refused", "refused2", "silent2", "three", "nx_timeout",
    "timeout_nx", "skew", "badq", "trunc", "tc", "badptr", "loop", "oddlen", "wrongid", "caseup", "query"] as $m) {
    scenario($m);
}
scenario("a", "foo", EventUtil::AF_INET);
scenario("both", "foo", EventUtil::AF_INET6);
scenario("search", "foo", EventUtil::AF_INET, function ($d) { $d->addSearch("s1.test"); $d->addSearch("s2.test"); });
scenario("search", "foo.bar", EventUtil::AF_INET, function ($d) { $d->addSearch("s1.test"); $d->setSearchNdots(2); });
scenario("search", "foo.bar", EventUtil::AF_INET, function ($d) { $d->addSearch("s1.test"); });
foreach (["h6first", "H6FIRST", "v4", "tabbed", "other", "withport", "localhost"] as $h) {
    scenario("nx", $h, EventUtil::AF_UNSPEC, fn($d) => $d->loadHosts("$dir/hosts"));
}
scenario("nx", "h6first", EventUtil::AF_INET, fn($d) => $d->loadHosts("$dir/hosts"));
scenario("nx", "localhost", EventUtil::AF_INET, fn($d) => $d->loadHosts("$dir/missing"));
scenario("nx", "127.0.0.1");
scenario("nx", "127.0.0.1", EventUtil::AF_INET6);
scenario("nx", str_repeat("a", 64));
scenario("none", "foo");
unlink("$dir/hosts");
rmdir($dir);
