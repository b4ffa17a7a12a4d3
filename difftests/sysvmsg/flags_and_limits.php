<?php
// MSG_EXCEPT, MSG_NOERROR, negative desired types, too-long messages, a full queue without blocking.
$key = ftok(__FILE__, 'f');
$q = msg_get_queue($key, 0600);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
foreach ([5, 1, 3, 2, 4] as $t) msg_send($q, $t, "type$t");
var_dump(msg_receive($q, 1, $t, 100, $m, true, MSG_EXCEPT)); var_dump($t, $m);
var_dump(msg_receive($q, -3, $t, 100, $m)); var_dump($t, $m);
var_dump(msg_receive($q, 4, $t, 100, $m, true, MSG_EXCEPT | MSG_IPC_NOWAIT)); var_dump($t, $m);
var_dump(msg_receive($q, 2, $t, 100, $m)); var_dump($t, $m);
var_dump(msg_receive($q, 0, $t, 100, $m, true, 7)); var_dump($t, $m);
var_dump(msg_receive($q, 0, $t, 100, $m, true, 1 | 8 | 16 | 1024, $e)); var_dump($t, $m, $e);
var_dump(msg_receive($q, 0, $t, 100, $m, true, -1, $e)); var_dump($t, $m, $e);
// Sizes.
$max = (int) trim(file_get_contents('/proc/sys/kernel/msgmax'));
var_dump(msg_send($q, 1, str_repeat("x", $max), false, false, $e), $e);
var_dump(msg_send($q, 1, str_repeat("x", $max + 1), false, false, $e), $e);
var_dump(msg_receive($q, 0, $t, $max, $m, false), strlen($m));
var_dump(msg_send($q, 1, "", false), msg_receive($q, 0, $t, 1, $m, false), $m);
var_dump(msg_send($q, 1, "", true), msg_receive($q, 0, $t, 100, $m, true), $m);
try { msg_receive($q, 0, $t, -5, $m); } catch (ValueError $ex) { echo $ex->getMessage(), "\n"; }
try { msg_receive($q, 0, $t, PHP_INT_MIN, $m); } catch (ValueError $ex) { echo $ex->getMessage(), "\n"; }
// Fill the queue: non-blocking send fails with EAGAIN.
$st = msg_stat_queue($q);
msg_set_queue($q, ['msg_qbytes' => 1000]);
$n = 0; $e = 0;
while (msg_send($q, 1, str_repeat("y", 100), false, false, $e)) $n++;
var_dump($n, $e, $e === MSG_EAGAIN);
var_dump(msg_stat_queue($q)['msg_qnum']);
while (msg_receive($q, 0, $t, 200, $m, false, MSG_IPC_NOWAIT, $e));
var_dump($e === MSG_ENOMSG);
// Message types at the edges.
var_dump(msg_send($q, PHP_INT_MAX, "big", false), msg_receive($q, PHP_INT_MAX, $t, 10, $m, false), $t === PHP_INT_MAX, $m);
var_dump(msg_send($q, 0, "zero", false, true, $e), $e);
var_dump(msg_send($q, PHP_INT_MIN, "min", false, true, $e), $e);
// Doubles and bools without serialization.
foreach ([1.5, -0.0, 1e300, 1/3, INF, -INF, NAN, PHP_INT_MAX, PHP_INT_MIN, true, false, 0, "a\0b"] as $v) {
    msg_send($q, 1, $v, false);
    msg_receive($q, 0, $t, 400, $m, false);
    var_dump($m);
}
foreach ([null, [], new stdClass, STDIN] as $v) {
    try { msg_send($q, 1, $v, false); } catch (TypeError $ex) { echo $ex->getMessage(), "\n"; }
}
msg_remove_queue($q);
