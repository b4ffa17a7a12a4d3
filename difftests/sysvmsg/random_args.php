<?php
// Thousands of calls with random argument types and sizes: identical results, no crash.
// FUZZ=long: 100000 calls, one line per 1,000-call block (md5 and size of
// the block's output, warnings included) so that a mismatch shows the first
// differing block; FUZZ_SHOW=<block> prints that block's calls in full.
// Default: 3000 calls, each printed.
require __DIR__ . '/lib/fuzz.php';
fuzz_setup(3000, 20261127);
$key = ftok(__FILE__, 'x');
$q = msg_get_queue($key);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
function rnd_value($depth = 0) {
    switch (mt_rand(0, $depth > 1 ? 8 : 10)) {
        case 0: return null;
        case 1: return mt_rand(0, 1) === 1;
        case 2: return mt_rand(-5, 20);
        case 3: return [PHP_INT_MAX, PHP_INT_MIN, -1, 0, 1 << 40][mt_rand(0, 4)];
        case 4: return mt_rand(-1000, 1000) / 7;
        case 5: return str_repeat(chr(mt_rand(0, 255)), mt_rand(0, 50));
        case 6: return (string) mt_rand(-10, 10);
        case 7: return [" 3", "3 ", "1e3", "0x1A", "abc", "", "9999999999999999999999"][mt_rand(0, 6)];
        case 8: return [NAN, INF, -INF, -0.0][mt_rand(0, 3)];
        case 9: return array_map(fn() => rnd_value($GLOBALS['d'] = 2), range(0, mt_rand(0, 3)));
        default: $o = new stdClass; $o->v = rnd_value(2); return $o;
    }
}
function describe($r) {
    if (is_object($r)) return get_class($r);
    if (is_float($r) && is_nan($r)) return "NAN";
    return var_export($r, true);
}
$calls = 0;
for ($i = 0; $i < $CALLS; $i++) {
    block_begin($i);
    $f = mt_rand(0, 5);
    $a = [rnd_value(), rnd_value(), rnd_value(), rnd_value(), rnd_value(), rnd_value()];
    $useq = mt_rand(0, 4) > 0;
    try {
        switch ($f) {
            case 0: $r = msg_send($useq ? $q : $a[0], $a[1], $a[2], $a[3], false, $e); break;
            // Huge sizes end the script on the memory limit (natively too): see flags_and_limits.
            // (Integral numeric strings too: "77777777" from a repeated digit.)
            case 1: if ((is_int($a[3]) || (is_string($a[3]) && is_numeric($a[3]) && is_int($a[3] + 0))) && $a[3] > 1000000) { $a[3] = 1000000; }
                    $flags = (is_int($a[5]) ? $a[5] : 0) | MSG_IPC_NOWAIT;
                    // A message truncated by MSG_NOERROR and then unserialized: native's
                    // unserializer reads the stale bytes after it in its buffer (any
                    // result); php-ipc stops at the end (docs/sysvmsg notes). Not comparable.
                    if (!is_array($a[4]) && !is_object($a[4]) && (bool) $a[4]) $flags &= ~MSG_NOERROR;
                    $r = msg_receive($useq ? $q : $a[0], $a[1], $t, $a[3], $m, $a[4], $flags, $e);
                    $r = [$r, describe($t), describe($m)]; break;
            // A key whose low 32 bits are 0 is IPC_PRIVATE: msgget(0, 0) creates a new queue each time, natively too.
            case 2: $r = ($a[0] === null || (is_scalar($a[0]) && (@intval($a[0]) & 0xFFFFFFFF) === 0)) ? "skip" : msg_queue_exists($a[0]); break;
            case 3: $r = msg_stat_queue($useq ? $q : $a[0]); $r = is_array($r) ? count($r) : $r; break;
            case 4: $r = msg_set_queue($useq ? $q : $a[0], is_array($a[1]) ? [] : $a[1]); break;
            default: $r = msg_send($q, mt_rand(1, 3), $a[0], true, false); break;
        }
        echo $i, " ", describe($r), "\n";
    } catch (Throwable $ex) {
        echo $i, " ", get_class($ex), ": ", $ex->getMessage(), "\n";
    }
    if ($i % 50 === 0) { while (@msg_receive($q, 0, $t, 100000, $m, false, MSG_IPC_NOWAIT)); }
    block_end($i);
}
msg_remove_queue($q);
echo "done\n";
