<?php
// A socket_select server on 127.0.0.1 holding 200 concurrent clients (a
// forked process) open at once: it answers only after all 200 requests.
pcntl_alarm(60);
const N = 200;
$srv = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_option($srv, SOL_SOCKET, SO_REUSEADDR, 1);
socket_bind($srv, '127.0.0.1', 0);
socket_listen($srv, N + 10);
socket_getsockname($srv, $addr, $port);
$pid = pcntl_fork();
if ($pid === 0) {
    $cs = [];
    for ($i = 0; $i < N; $i++) {
        $c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
        if (!socket_connect($c, '127.0.0.1', $port)) exit(1);
        $cs["k$i"] = $c;
    }
    foreach ($cs as $k => $c) socket_write($c, "ping $k\n");
    $got = [];
    $pending = $cs;
    while ($pending) {
        $r = $pending; $w = null; $e = null;
        $n = socket_select($r, $w, $e, 10);
        if ($n === false || $n === 0) exit(2);
        foreach ($r as $k => $c) {
            $line = socket_read($c, 100, PHP_NORMAL_READ);
            if ($line !== "pong $k\n") exit(3);
            $got[$k] = true;
            unset($pending[$k]);
            socket_close($c);
        }
    }
    exit(count($got) === N ? 0 : 4);
}
$clients = [];     // key "c<n>" => Socket
$requests = [];
$maxOpen = 0;
$next = 0;
$rounds = 0;
while (count($requests) < N) {
    $read = ['listener' => $srv] + $clients;
    $write = null; $except = [];
    $n = socket_select($read, $write, $except, 10, 0);
    $rounds++;
    if ($n === false || $n === 0) { echo "select failed/timed out\n"; break; }
    if (array_diff_key($read, ['listener' => 1] + $clients)) { echo "select invented keys\n"; }
    foreach ($read as $key => $sock) {
        if (!($sock instanceof Socket)) { echo "not a socket\n"; continue; }
        if ($key === 'listener') {
            $c = socket_accept($srv);
            $clients['c' . $next++] = $c;
            $maxOpen = max($maxOpen, count($clients));
            continue;
        }
        if ($sock !== $clients[$key]) echo "key/value mismatch\n";
        $line = socket_read($sock, 100, PHP_NORMAL_READ);
        if ($line === '' || $line === false) { unset($clients[$key]); continue; }
        $requests[$key] = trim(substr($line, 5));
    }
}
echo "requests: ", count($requests), ", concurrent connections: $maxOpen\n";
foreach ($requests as $key => $tag) socket_write($clients[$key], "pong $tag\n");
foreach ($clients as $c) socket_close($c);
pcntl_waitpid($pid, $st);
echo "client exit: ", pcntl_wexitstatus($st), "\n";
// Keys and order survive: numeric, string and holes.
$p = []; socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p); socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $q);
socket_write($p[1], "x"); socket_write($q[1], "y");
$r = [7 => $p[0], 'str' => $q[0], 3 => $p[1]]; $w = [10 => $p[1], 'a' => $q[1]]; $e = null;
var_dump(socket_select($r, $w, $e, 0), array_keys($r), array_keys($w), $e);
$r = [$p[0], $p[0]]; $w = null;
var_dump(socket_select($r, $w, $e, 0), array_keys($r));
