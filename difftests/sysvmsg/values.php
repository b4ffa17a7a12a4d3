<?php
// Serialization round trips of every kind of value, and the raw serialized bytes.
$key = ftok(__FILE__, 'v');
$q = msg_get_queue($key);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
class P { public $a = 1; protected $b = [2]; private $c = "3"; }
class W { public $x = 1; function __wakeup() { echo "wakeup\n"; } }
class U { public $d; function __serialize(): array { return ['d' => 42]; } function __unserialize(array $a): void { echo "unserialize\n"; $this->d = $a['d']; } }
$r = [1, 2]; $ref = [&$r, &$r];
$values = [null, true, false, 0, -1, PHP_INT_MAX, PHP_INT_MIN, 1.5, -0.0, 0.1, 1e100, NAN, INF, "", "x", "with \"quotes\" and \0 nul",
    str_repeat("ü", 300), [], [1, "a" => [true, null]], new P, new W, new U, new ArrayObject([1, 2]), $ref,
    new DateTimeImmutable('2020-01-01 00:00:00 UTC'), 123456789012345678];
foreach ($values as $i => $v) {
    var_dump(msg_send($q, $i + 1, $v));
    var_dump(msg_receive($q, $i + 1, $t, 65536, $raw, false, MSG_IPC_NOWAIT));
    echo "raw: ", $raw, "\n";
    msg_send($q, $i + 1, $v);
    var_dump(msg_receive($q, $i + 1, $t, 65536, $m, true, MSG_IPC_NOWAIT));
    var_dump($m);
}
// Bytes that are not a canonical simple value go through PHP's unserializer.
foreach (["i:007;", "i:+5;", "s:1:\"ab\";", "s:2:\"ab\";trailing", "b:2;", "N;N;", "i:99999999999999999999;", "a:1:{i:0;i:1;}", "O:8:\"stdClass\":0:{}", "garbage"] as $raw) {
    msg_send($q, 1, $raw, false);
    var_dump(msg_receive($q, 1, $t, 100, $m, true, MSG_IPC_NOWAIT)); var_dump($m);
}
msg_remove_queue($q);
