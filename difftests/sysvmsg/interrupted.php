<?php
// Blocking calls interrupted by a signal (pcntl_alarm + handler): native returns
// false with EINTR; nothing hangs.
$key = ftok(__FILE__, 'i');
$q = msg_get_queue($key);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
pcntl_async_signals(true);
pcntl_signal(SIGALRM, function () { echo "alarm\n"; });
pcntl_alarm(1);
$t = "old"; $m = "old"; $e = "old";
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e));
var_dump($t, $m, $e, $e === PCNTL_EINTR);
// Fill the queue, then block on send.
msg_set_queue($q, ['msg_qbytes' => 100]);
var_dump(msg_send($q, 1, str_repeat("z", 100), false));
pcntl_alarm(1);
$e = "old";
var_dump(msg_send($q, 1, "more", false, true, $e));
var_dump($e === PCNTL_EINTR);
msg_remove_queue($q);
