<?php
// EventHttpConnection with an EventDnsBase: the host is looked up
// asynchronously (here from a hosts file loaded into a base without
// nameservers), so the callbacks run from the loop. An IPv6 address where
// only IPv4 listens is refused (the request, code 0); a name that does not
// resolve without a DNS base gives NULL inside makeRequest. (A name a base
// without nameservers cannot resolve waits for ever, in libevent as here.)
$base = new EventBase();
file_put_contents('hosts', "127.0.0.1 web.example.test\n::1 six.example.test\n");
$dns = new EventDnsBase($base, false);
$dns->loadHosts('hosts');

$ls = stream_socket_server('tcp://127.0.0.1:0');
stream_set_blocking($ls, false);
$port = (int) substr(strrchr(stream_socket_get_name($ls, false), ':'), 1);
$evs = [];
$accept = new Event($base, $ls, Event::READ | Event::PERSIST, function () use ($ls, &$evs, $base) {
    $s = stream_socket_accept($ls, 0);
    stream_set_blocking($s, false);
    echo "  server: accepted\n";
    $e = new Event($base, $s, Event::READ | Event::PERSIST, function () use ($s) {
        $d = fread($s, 65536);
        if ($d === '' || $d === false) return;
        echo "  server got ", json_encode($d), "\n";
        fwrite($s, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes");
    });
    $e->add(); $evs[] = $e;
});
$accept->add();

foreach ([['web.example.test', $dns], ['six.example.test', $dns], ['', null]] as [$host, $d]) {
    echo "== ", json_encode($host), $d ? " with a DNS base" : " without", "\n";
    $c = new EventHttpConnection($base, $d, $host, $port);
    $GLOBALS['keep'][] = $r = new EventHttpRequest(function ($r) use ($base) {
        echo "  callback: ", $r === null ? 'NULL' : $r->getResponseCode() . ' ' . $r->getInputBuffer()->read(10), "\n";
        $base->exit();
    });
    echo "  makeRequest: ", var_export($c->makeRequest($r, EventHttpRequest::CMD_GET, '/'), true), "\n";
    echo "  loop\n";
    $base->loop();
    unset($c);
}
foreach ($evs as $e) $e->free();
$accept->free();
unlink('hosts');
echo "done\n";
