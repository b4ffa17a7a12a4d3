<?php
// EventDnsBase: constructor flags, argument errors, nameserver addresses as
// libevent parses them, options, search list. No query leaves the machine:
// nothing here resolves a name.
$b = new EventBase();
foreach ([true, false, 0, 1, 32768, 65536, 2, 3, -1, 98305, PHP_INT_MAX, 2147483647, 2147483648, -2147483648, -2147483649, 4294967297, 1.5, "1", null, [], new stdClass, STDIN] as $init) {
    try {
        $d = new EventDnsBase($b, $init);
        echo get_debug_type($init), " ", var_export($init, true), " -> ", $d->countNameservers() > 0 ? "has" : "no", " nameservers\n";
    } catch (Throwable $e) {
        echo get_debug_type($init), " ", get_class($e), ": ", $e->getMessage(), "\n";
    }
}
$d = new EventDnsBase($b, false);
var_dump($d, $d == new EventDnsBase($b, false));
foreach ([
    fn() => new EventDnsBase(new stdClass, false), fn() => new EventDnsBase($b), fn() => clone $d,
    fn() => $d->addNameserverIp([]), fn() => $d->setSearchNdots("x"), fn() => $d->countNameservers(1),
    fn() => $d->parseResolvConf("a", "b"), fn() => $d->loadHosts(), fn() => $d->addSearch(new stdClass),
    fn() => $d->setOption("timeout:"), fn() => $d->clearSearch(1),
] as $i => $f) {
    try { $f(); echo "$i ok\n"; } catch (Throwable $e) { echo "$i ", get_class($e), ": ", $e->getMessage(), "\n"; }
}
foreach (["127.0.0.1", "127.0.0.1:53", "[::1]:53", "::1", "bogus", "", "1.2.3.4:99999", "1.2.3.4:0", "[::1]",
    "1.2.3", " 1.2.3.4", "+1.2.3.4", "1. 2.3.4", "01.02.03.004", "256.1.1.1", "1.2.3.4 ", "1.2.3.4x", "-1.2.3.4",
    "1.2.3.4:53x", "1.2.3.4: 53", "1.2.3.4:+54", "4294967297.1.1.1", "::ffff:1.2.3.4", "[::2]:", "[::3]x", "[::4",
    "::5:", "1:2:3:4:5:6:7:8", "1::2::3", "::FFFF:1.2.3.4", "[ ::6]", ":::", "1.2.3.4:65535", "1.2.3.5:65536",
    "0x7f.0.0.1", "127.1", "1.2.3.6:00053", "1.2.3.7:-1", "1.2.3.8\0junk", "::", "0x1::", "12345::", 53, "10.0.0.1:99999999999"] as $ip) {
    echo json_encode($ip), " ", json_encode($d->addNameserverIp($ip)), " ", $d->countNameservers(), "\n";
}
foreach ([["timeout:", "2"], ["timeout", "2"], ["attempts:", "3"], ["attempts:", "300"], ["ndots:", "x"],
    ["max-timeouts:", "5"], ["max-inflight:", "1"], ["randomize-case:", "0"], ["bind-to:", "127.0.0.1"],
    ["bind-to:", "bad"], ["initial-probe-timeout:", "3"], ["getaddrinfo-allow-skew:", "1"], ["so-rcvbuf:", "1000"],
    ["so-sndbuf:", "1000"], ["bogus:", "1"], ["", ""], ["timeout:", "-1"], ["timeout:", "abc"], ["attempts:", "0"],
    ["max-probe-timeout:", "5"], ["edns-udp-size:", "1000"], ["max-inflight:", "0"], ["ndots:", "-5"],
    ["ndots:", ""], ["timeout:", ""], ["timeout:", "0"], ["timeout:", " 1"], ["timeout:", "1e1"], ["timeout:", "0x10"],
    ["timeout:", "0.001"], ["timeout:", "0.0009"], ["ndots:", " 3"], ["ndots:", "3 "], ["ndots:", "-1"], ["ndots:", "0x3"],
    ["ndots:", "99999999999999999999"], ["ndots:", "4294967296"], ["timeoutx:", "1"], ["timeout:junk", "x"],
    ["timeou", "x"], ["time", "x"], ["initial-probe-timeout:", "0"], ["getaddrinfo-allow-skew:", "0"],
    ["so-rcvbuf:", "-1"], ["bind-to:", "[::1]:99"], ["attempts:", "1\0x"], ["randomize-case:", "x"], ["max-timeouts:", "-1"]] as [$o, $v]) {
    echo json_encode($o), "=", json_encode($v), ": ", json_encode($d->setOption($o, $v)), "\n";
}
var_dump($d->addSearch("x.y"), $d->addSearch("..z"), $d->addSearch(""), $d->clearSearch(), $d->setSearchNdots(3), $d->setSearchNdots(-1), $d->setSearchNdots(PHP_INT_MAX));
foreach ((new ReflectionClass("EventDnsBase"))->getConstants() as $k => $v) echo "$k=$v\n";
