<?php
// One benchmark run with whichever sockets implementation is loaded.
//   php sockets_bench.php rtt <iterations>    connect+write+read+close round trips/s
//   php sockets_bench.php stream <megabytes>  1 MB transfers via socket_write/socket_read, MB/s
// Prints one number. Server: a forked child on 127.0.0.1 (same implementation).
$mode = $argv[1] ?? 'rtt';
$n = (int)($argv[2] ?? 2000);
pcntl_alarm(120);
$srv = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_option($srv, SOL_SOCKET, SO_REUSEADDR, 1);
socket_bind($srv, '127.0.0.1', 0);
socket_listen($srv, 512);
socket_getsockname($srv, $addr, $port);
const MB = 1048576;
$pid = pcntl_fork();
if ($pid === 0) {
    if ($mode === 'rtt') {
        for ($i = 0; $i < $n; $i++) {
            $c = socket_accept($srv);
            $m = socket_read($c, 64);
            socket_write($c, $m);
            socket_close($c);
        }
    } else {
        $c = socket_accept($srv);
        for ($i = 0; $i < $n; $i++) {
            $got = 0;
            while ($got < MB) {
                $r = socket_read($c, 65536);
                if ($r === false || $r === '') exit(1);
                $got += strlen($r);
            }
            socket_write($c, "k");
        }
        socket_close($c);
    }
    exit(0);
}
socket_close($srv);
$t = hrtime(true);
if ($mode === 'rtt') {
    for ($i = 0; $i < $n; $i++) {
        $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
        socket_connect($s, '127.0.0.1', $port);
        socket_write($s, "ping");
        $r = socket_read($s, 64);
        if ($r !== "ping") { fwrite(STDERR, "bad reply\n"); exit(1); }
        // Abortive close keeps the ephemeral ports out of TIME_WAIT.
        socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
        socket_close($s);
    }
} else {
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_connect($s, '127.0.0.1', $port);
    $block = str_repeat("x", MB);
    for ($i = 0; $i < $n; $i++) {
        $off = 0;
        while ($off < MB) {
            $w = socket_write($s, $off ? substr($block, $off) : $block);
            if ($w === false) exit(1);
            $off += $w;
        }
        if (socket_read($s, 1) !== "k") exit(1);
    }
    socket_close($s);
}
$secs = (hrtime(true) - $t) / 1e9;
pcntl_waitpid($pid, $st);
printf("%.1f\n", $n / $secs);
