<?php
declare(strict_types=1);
$key = ftok(__FILE__, 's');
$q = msg_get_queue($key);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
function show($label, callable $f) {
    try { $r = $f(); echo "$label: "; var_dump($r); }
    catch (Throwable $e) { echo "$label: ", get_class($e), ": ", $e->getMessage(), "\n"; }
}
foreach (['"5"' => "5", '5.0' => 5.0, 'true' => true, 'null' => null, '1' => 1] as $l => $v) {
    show("get_queue key=$l", function () use ($v) { $x = msg_get_queue($v); if ($x) msg_remove_queue($x); return $x instanceof SysvMessageQueue; });
    show("get_queue perms=$l", fn() => msg_get_queue($key, $v) instanceof SysvMessageQueue);
    show("send type=$l", fn() => msg_send($q, $v, "x", false, false));
    show("send serialize=$l", fn() => msg_send($q, 1, "x", $v, false));
    show("recv maxsize=$l", fn() => msg_receive($q, 0, $t, $v, $m, false, MSG_IPC_NOWAIT));
    show("recv unserialize=$l", fn() => msg_receive($q, 0, $t, 10, $m, $v, MSG_IPC_NOWAIT));
    show("exists=$l", fn() => msg_queue_exists($v));
}
while (msg_receive($q, 0, $t, 64, $m, false, MSG_IPC_NOWAIT)) echo "left: $t $m\n";
msg_remove_queue($q);
