<?php
// socket_select interrupted by a signal: native's warning, false, EINTR as last error;
// with pcntl_async_signals the handler runs.
pcntl_async_signals(true);
pcntl_signal(SIGALRM, function () { echo "handler ran\n"; });
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
$r = [$p[0]]; $w = null; $e = null;
pcntl_alarm(1);
$t = microtime(true);
var_dump(socket_select($r, $w, $e, 5));
var_dump(socket_last_error(), microtime(true) - $t < 4, $r);
$r = [$p[0]];
var_dump(socket_select($r, $w, $e, 0, 1500000), $r);
