<?php
// Coercive-mode argument parsing: every int/bool parameter with every kind of value.
$key = ftok(__FILE__, 'c');
$q = msg_get_queue($key);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
function show($label, callable $f) {
    try { $r = $f(); echo "$label: "; var_dump($r); }
    catch (Throwable $e) { echo "$label: ", get_class($e), ": ", $e->getMessage(), "\n"; }
}
$values = ['null' => null, '"5"' => "5", '5.0' => 5.0, '5.5' => 5.5, 'true' => true, 'false' => false,
    '"abc"' => "abc", '"5 "' => "5 ", '" 5"' => " 5", '"5abc"' => "5abc", '[]' => [], 'obj' => new stdClass,
    '1e30' => 1e30, 'NAN' => NAN, '"0x10"' => "0x10", '"1e2"' => "1e2", 'INF' => INF, '-1' => -1];
foreach ($values as $l => $v) {
    show("msg_send type=$l", fn() => msg_send($q, $v, "m", false, false));
    show("msg_send serialize=$l", fn() => msg_send($q, 1, "m", $v, false));
    show("msg_send blocking=$l", fn() => msg_send($q, 1, "m", false, $v));
    show("msg_receive desired=$l", fn() => msg_receive($q, $v, $t, 16, $m, false, MSG_IPC_NOWAIT));
    show("msg_receive maxsize=$l", fn() => msg_receive($q, 0, $t, $v, $m, false, MSG_IPC_NOWAIT));
    show("msg_receive unserialize=$l", fn() => msg_receive($q, 0, $t, 16, $m, $v, MSG_IPC_NOWAIT));
    // Values that coerce to an even int would make a blocking receive: skipped.
    if (!in_array($l, ['null', 'false', '"1e2"'], true)) {
        show("msg_receive flags=$l", fn() => msg_receive($q, 0, $t, 16, $m, false, $v === true ? 1 : $v));
    }
    // null and false are key 0, IPC_PRIVATE: msgget would create a queue nobody can remove by key.
    if (!in_array($l, ['null', 'false'], true)) show("msg_queue_exists=$l", fn() => msg_queue_exists($v));
    show("msg_set_queue=$l", fn() => msg_set_queue($q, $v));
    show("msg_stat_queue=$l", fn() => msg_stat_queue($v));
    show("msg_remove_queue=$l", fn() => msg_remove_queue($v));
    show("msg_send queue=$l", fn() => msg_send($v, 1, 1));
    show("msg_receive queue=$l", fn() => msg_receive($v, 1, $t, 1, $m));
}
show("count0", fn() => msg_send());
show("count7", fn() => msg_send($q, 1, 1, true, true, $e, 7));
show("count9", fn() => msg_receive($q, 1, $t, 1, $m, true, 0, $e, 9));
show("count_stat", fn() => msg_stat_queue());
show("count_set", fn() => msg_set_queue($q));
show("count_exists", fn() => msg_queue_exists(1, 2));
show("named", fn() => msg_send(queue: $q, message_type: 3, message: "named", blocking: false));
show("named-recv", fn() => msg_receive(queue: $q, desired_message_type: 3, received_message_type: $tt, max_message_size: 100, message: $mm, flags: MSG_IPC_NOWAIT) . " $tt $mm");
show("unknown named", fn() => msg_send($q, 1, 1, nope: 1));
show("ref literal", fn() => msg_receive($q, 1, 5, 1, $m));
while (msg_receive($q, 0, $t, 64, $m, false, MSG_IPC_NOWAIT)) echo "left: $t $m\n";
msg_remove_queue($q);
