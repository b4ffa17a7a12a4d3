<?php
// A queue created 0600 by root is out of reach for another user: the kernel decides.
if (posix_geteuid() !== 0) { echo "#SKIP needs root to switch to a second uid\n"; exit; }
$key = ftok(__FILE__, 'p');
$q = msg_get_queue($key, 0600);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
msg_send($q, 1, "secret");
$pid = pcntl_fork();
if ($pid === 0) {
    posix_setgid(65534); posix_setuid(65534);
    $q2 = msg_get_queue($key);                 // msgget(key, 0) fails with EACCES, then IPC_EXCL with EEXIST
    var_dump($q2);
    var_dump(msg_queue_exists($key));
    // The object we inherited across fork still names the queue, but the kernel refuses.
    var_dump(msg_send($q, 1, "x", true, false, $e), $e);
    var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $e);
    var_dump(msg_stat_queue($q), msg_set_queue($q, ['msg_perm.mode' => 0666]), msg_remove_queue($q));
    exit(0);
}
pcntl_waitpid($pid, $status);
var_dump(msg_receive($q, 0, $t, 100, $m), $m);
msg_remove_queue($q);
