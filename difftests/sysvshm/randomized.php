<?php
// Randomized arguments and values (seeded): every result, warning and
// exception must be native's, and nothing may crash.
// FUZZ=long: 100000 calls, one line per 1,000-call block (md5 and size of
// the block's output, warnings included) so that a mismatch shows the first
// differing block; FUZZ_SHOW=<block> prints that block's calls in full.
// Default: 3000 calls, each printed.
require __DIR__ . '/lib/fuzz.php';
fuzz_setup(3000, 1127);
set_error_handler(function ($no, $str) {
    if (!(error_reporting() & $no)) return true;
    echo "  [$no] ", preg_replace(['/0x[0-9a-f]+/', '/float [0-9.E+-]+/'], ['<KEY>', 'float <F>'], $str), "\n";
    return true;
});
$KEYS = [ftok(__FILE__, 'a'), ftok(__FILE__, 'b'), ftok(__FILE__, 'c')];
register_shutdown_function(function () use ($KEYS) { foreach ($KEYS as $k) if ($s = @shm_attach($k, 1)) shm_remove($s); });
$shms = [];
function pick(array $a) { return $a[mt_rand(0, count($a) - 1)]; }
function desc($v) {
    global $KEYS;
    if (is_object($v)) return get_class($v);
    if (is_string($v)) return 'string(' . strlen($v) . ')';
    if (is_float($v)) return is_nan($v) ? 'NAN' : 'float';
    if (is_int($v) && ($i = array_search($v, $KEYS, true)) !== false) return "KEY$i";
    if (is_array($v)) return 'array(' . count($v) . ')';
    return var_export($v, true);
}
function show($v) {
    if (is_object($v) && !($v instanceof SysvSharedMemory)) return get_class($v) . ' ' . json_encode($v);
    if (is_array($v)) return 'array ' . md5(serialize($v)) . ' ' . count($v);
    if (is_string($v)) return 'string(' . strlen($v) . ') ' . md5($v);
    return desc($v);
}
function rkey() {
    global $KEYS;
    $k = pick($KEYS);
    // Our keys or a TypeError: never IPC_PRIVATE or someone else's key.
    return pick([$k, $k, $k, (string)$k, (float)$k, "$k ", $k + 0.5, "k$k", [], new stdClass]);
}
function rsize() {
    return pick([null, 1, 39, 40, 41, 72, 100, 200, 1000, 4096, 10000, 0, -1, PHP_INT_MIN, "100", "x", 1.5, [], true]);
}
function rvkey() { return pick([0, 1, 2, 3, -1, PHP_INT_MAX, PHP_INT_MIN, "1", "x", 1.0, 2.5, null, true, [], new stdClass]); }
class V { public $a; public $b = [1]; function __construct($a = 1) { $this->a = $a; } }
function rvalue($depth = 0) {
    $t = mt_rand(0, $depth > 1 ? 8 : 11);
    switch ($t) {
        case 0: return mt_rand(-1000, 1000);
        case 1: return pick([PHP_INT_MAX, PHP_INT_MIN, 0, -0.0, 1.5, NAN, INF, 1e300]);
        case 2: return str_repeat(chr(mt_rand(0, 255)), mt_rand(0, 50));
        case 3: return str_repeat("x", pick([0, 100, 500, 1000, 3000, 20000]));
        case 4: return pick([true, false, null]);
        case 5: return (string)mt_rand();
        case 6: return "";
        case 7: return mt_rand() / 7;
        case 8: return pick(["a\0b", "\"", ";", "s:1:\"", "i:1;"]);
        case 9: $a = []; for ($i = mt_rand(0, 5); $i > 0; $i--) $a[pick([$i, "k$i"])] = rvalue($depth + 1); return $a;
        case 10: return new V(rvalue($depth + 1));
        default: return pick([new ArrayObject([1]), new stdClass, function () {}]);
    }
}
function rshm() {
    global $shms;
    return $shms && mt_rand(0, 9) > 0 ? pick($shms) : pick([null, 1, "s", new stdClass]);
}
for ($i = 0; $i < $CALLS; $i++) {
    block_begin($i);
    $op = mt_rand(0, 19);
    try {
        switch (true) {
            case $op <= 2:
                $args = array_slice([rkey(), rsize(), pick([0666, 0600, 0644, "0666", null, "x"])], 0, mt_rand(0, 3));
                $fn = 'shm_attach';
                break;
            case $op <= 7: $args = [rshm(), rvkey(), rvalue()]; $fn = 'shm_put_var'; break;
            case $op <= 11: $args = [rshm(), rvkey()]; $fn = 'shm_get_var'; break;
            case $op <= 14: $args = [rshm(), rvkey()]; $fn = 'shm_has_var'; break;
            case $op <= 17: $args = [rshm(), rvkey()]; $fn = 'shm_remove_var'; break;
            case $op == 18: $args = [rshm()]; $fn = 'shm_detach'; break;
            default: $args = [rshm()]; $fn = 'shm_remove';
        }
        if (mt_rand(0, 30) == 0) array_pop($args);
        if (mt_rand(0, 30) == 0 && $fn != 'shm_attach') $args[] = 1;
        echo "$i $fn(", implode(', ', array_map('desc', $args)), ")\n";
        $r = $fn(...$args);
        echo "  = ", show($r), "\n";
        if ($fn == 'shm_detach' && $r === true) $shms = array_values(array_filter($shms, fn($x) => $x !== $args[0]));
        if ($r instanceof SysvSharedMemory) {
            $shms[] = $r;
            if (count($shms) > 6) array_shift($shms);
        }
    } catch (Throwable $e) {
        echo "  ", get_class($e), ": ", preg_replace('/0x[0-9a-f]+/', '<KEY>', $e->getMessage()), "\n";
    }
    block_end($i);
}
echo "done\n";
