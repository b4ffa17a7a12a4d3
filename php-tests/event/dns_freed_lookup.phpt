--TEST--
EventDnsBase freed while connectHost resolves: the lookup fails from the loop (PECL corrupts its heap here and aborts at exit)
--DESCRIPTION--
PENDING: needs EventBufferEvent (bev branch) with src/event/dns/connect_host.patch applied;
rename to dns_freed_lookup.phpt then.
--EXTENSIONS--
event
sockets
--FILE--
<?php
$b = new EventBase();
$s = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($s, "127.0.0.1", 0);
socket_getsockname($s, $ip, $port);
$tcp = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($tcp, "127.0.0.1", 0);
socket_listen($tcp);
socket_getsockname($tcp, $tip, $tport);
$d = new EventDnsBase($b, false);
$d->addNameserverIp("127.0.0.1:$port");
$srv = new Event($b, $s, Event::READ | Event::PERSIST, function () { echo "the server's read ran before the lookup's end\n"; });
$srv->add();
$bev = new EventBufferEvent($b, null, 0, null, null, function ($bev, $what) use ($b) {
    echo "event $what '", $bev->getDnsErrorString(), "'\n";
    $b->stop();
});
var_dump($bev->connectHost($d, "foo", $tport, EventUtil::AF_INET));
$d = null;
$b->loop();
echo socket_recvfrom($s, $buf, 2000, MSG_DONTWAIT, $ip, $p) > 0 ? "query was sent\n" : "no query\n";
echo "end\n";
?>
--EXPECT--
bool(true)
event 32 'non-recoverable failure in name resolution'
query was sent
end
