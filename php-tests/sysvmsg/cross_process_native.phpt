--TEST--
sysvmsg: a native-PHP process and a php-ipc process share one queue, both directions, serialize on and off
--EXTENSIONS--
sysvmsg
--SKIPIF--
<?php
$native = shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=sysvmsg -r "echo (new ReflectionExtension(\'sysvmsg\'))->getName();" 2>&1');
if ($native !== 'sysvmsg') die("skip native sysvmsg.so not available");
?>
--FILE--
<?php
$key = ftok(__FILE__, 'n');
$q = msg_get_queue($key, 0600);
$native = escapeshellarg(PHP_BINARY) . ' -n -d extension=sysvmsg';
$values = 'return [42, -7, "plain", str_repeat("\0\xff", 600), 1.25, true, null, [1, "k" => ["n" => null]],
    new ArrayObject(["x" => 1]), PHP_INT_MIN, ""];';
file_put_contents($vf = sys_get_temp_dir() . "/phpipc-xvalues-" . getmypid() . ".php", "<?php $values");
try {
    // 1. native sends (serialized and raw), we receive.
    $code = '$q = msg_get_queue(' . $key . '); foreach (require ' . var_export($vf, true) . ' as $i => $v) {'
          . ' msg_send($q, $i + 1, $v); if (is_scalar($v)) msg_send($q, 100 + $i, $v, false); }';
    passthru("$native -r " . escapeshellarg($code));
    $expected = require $vf;
    foreach ($expected as $i => $v) {
        msg_receive($q, $i + 1, $t, 65536, $m, true, MSG_IPC_NOWAIT);
        echo "native->ours serialized #$i: ", ($m == $v && gettype($m) === gettype($v)) ? "same" : "DIFFERENT " . var_export($m, true), "\n";
        if (is_scalar($v)) {
            msg_receive($q, 100 + $i, $t, 65536, $m, false, MSG_IPC_NOWAIT);
            echo "native->ours raw #$i: ", var_export($m, true) === var_export((string) $m, true) ? strlen($m) . " bytes" : "?", "\n";
        }
    }
    // 2. we send, native receives and reports what it got (raw bytes and values).
    foreach ($expected as $i => $v) {
        msg_send($q, $i + 1, $v);
        if (is_scalar($v)) msg_send($q, 100 + $i, $v, false);
    }
    $code = '$q = msg_get_queue(' . $key . '); $ok = 0; foreach (require ' . var_export($vf, true) . ' as $i => $v) {'
          . ' msg_receive($q, $i + 1, $t, 65536, $raw, false, MSG_IPC_NOWAIT);'
          . ' if ($raw !== serialize($v)) echo "bytes differ for #$i\n"; else $ok++;'
          . ' if (is_scalar($v)) { msg_receive($q, 100 + $i, $t, 65536, $m, false, MSG_IPC_NOWAIT); echo "raw #$i: ", strlen($m), "\n"; } }'
          . ' echo "ours->native: $ok serialized messages byte-identical to serialize()\n";';
    passthru("$native -r " . escapeshellarg($code));
    var_dump(msg_stat_queue($q)['msg_qnum']);
} finally {
    msg_remove_queue($q);
    unlink($vf);
}
?>
--EXPECT--
native->ours serialized #0: same
native->ours raw #0: 2 bytes
native->ours serialized #1: same
native->ours raw #1: 2 bytes
native->ours serialized #2: same
native->ours raw #2: 5 bytes
native->ours serialized #3: same
native->ours raw #3: 1200 bytes
native->ours serialized #4: same
native->ours raw #4: 8 bytes
native->ours serialized #5: same
native->ours raw #5: 1 bytes
native->ours serialized #6: same
native->ours serialized #7: same
native->ours serialized #8: same
native->ours serialized #9: same
native->ours raw #9: 20 bytes
native->ours serialized #10: same
native->ours raw #10: 0 bytes
raw #0: 2
raw #1: 2
raw #2: 5
raw #3: 1200
raw #4: 8
raw #5: 1
raw #9: 20
raw #10: 0
ours->native: 11 serialized messages byte-identical to serialize()
int(0)
