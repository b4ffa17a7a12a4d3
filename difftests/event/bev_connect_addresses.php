<?php
// EventBufferEvent::connect's address strings are read by libevent's own
// evutil_parse_sockaddr_port, not inet_pton: leading blanks and a trailing
// junk port are accepted, shortened and hex IPv4 forms are refused.
$b = new EventBase();
$srv = stream_socket_server("tcp://127.0.0.1:0");
$port = explode(":", stream_socket_get_name($srv, false))[1];
foreach ([" 127.0.0.1:PORT", "\t127.0.0.1:PORT", "127.0.0.1:PORTx", "127.0.0.1: PORT", "[::1]:PORT", "127.1:PORT", "0x7f.0.0.1:PORT", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:70000", "[::1", "::1"] as $addr) {
    $bev = new EventBufferEvent($b, null, EventBufferEvent::OPT_CLOSE_ON_FREE, null, null, function ($bev, $e) { echo "event $e\n"; });
    echo json_encode($addr), ": ";
    var_dump($bev->connect(str_replace('PORT', $port, $addr)));
    $b->loop(EventBase::LOOP_ONCE | EventBase::LOOP_NONBLOCK);
    $b->loop(EventBase::LOOP_ONCE);
    $bev->free();
}
