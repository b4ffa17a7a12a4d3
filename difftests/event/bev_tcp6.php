<?php
// connect() to "[::1]:port", connectHost() with a name ("localhost") and with
// AF_INET6, on a listening IPv6 socket (port 0).
$ls = @socket_create(AF_INET6, SOCK_STREAM, SOL_TCP);
if (!$ls || !@socket_bind($ls, "::1", 0)) { echo "#SKIP no IPv6 loopback\n"; exit; }
socket_listen($ls, 8);
socket_getsockname($ls, $addr, $port);
$ls4 = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($ls4, "127.0.0.1", $port) or print("(port busy on IPv4)\n");
socket_listen($ls4, 8);
socket_set_nonblock($ls);
socket_set_nonblock($ls4);
$b = new EventBase();
function client($b, $tag) {
    return new EventBufferEvent($b, null, EventBufferEvent::OPT_CLOSE_ON_FREE, null, null,
        function ($bev, $what) use ($tag) { echo "$tag event $what\n"; });
}
foreach ([["connect [::1]", fn($c) => $c->connect("[::1]:$port")],
          ["connectHost ::1", fn($c) => $c->connectHost(null, "::1", $port)],
          ["connectHost localhost AF_INET6", fn($c) => $c->connectHost(null, "localhost", $port, EventUtil::AF_INET6)],
          ["connectHost localhost AF_INET", fn($c) => $c->connectHost(null, "localhost", $port, EventUtil::AF_INET)],
          ["connectHost localhost", fn($c) => $c->connectHost(null, "localhost", $port)],
          ["connect [::1] no port", fn($c) => $c->connect("[::1]")],
          ["connect ::1 bare", fn($c) => $c->connect("::1")]] as [$label, $f]) {
    $c = client($b, $label);
    echo "$label: "; var_dump($f($c));
    $b->loop(EventBase::LOOP_ONCE);
    $p6 = @socket_accept($ls); $p4 = @socket_accept($ls4);
    echo "  accepted on ", $p6 ? "IPv6" : "", $p4 ? "IPv4" : "", "\n";
    $c->free();
}
