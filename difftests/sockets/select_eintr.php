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
// The same array passed twice by reference: each set filters the array the previous one wrote.
$r = ['a' => $p[0], 'b' => $p[1]]; socket_write($p[1], "x");
var_dump(socket_select($r, $r, $e, 0), array_keys($r));
$r = ['a' => $p[0], 'b' => $p[1]];
var_dump(socket_select($r, $r, $r, 0), $r);
