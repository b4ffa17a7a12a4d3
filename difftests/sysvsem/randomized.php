<?php
// Randomized arguments (seeded): every call's result, warning and exception
// must be native's, and nothing may crash or hang.
// FUZZ=long: 100000 calls, one line per 1,000-call block (md5 and size of
// the block's output, warnings included) so that a mismatch shows the first
// differing block; FUZZ_SHOW=<block> prints that block's calls in full.
// Default: 3000 calls, each printed.
require __DIR__ . '/lib/fuzz.php';
fuzz_setup(3000, 20261127);
set_error_handler(function ($no, $str) {
    echo "  [$no] ", preg_replace(['/0x[0-9a-f]+/', '/float [0-9.E+-]+/'], ['<KEY>', 'float <F>'], $str), "\n";
    return true;
});
$KEYS = [ftok(__FILE__, 'a'), ftok(__FILE__, 'b'), ftok(__FILE__, 'c')];
register_shutdown_function(function () use ($KEYS) { foreach ($KEYS as $k) if ($s = @sem_get($k)) @sem_remove($s); });
$sems = [];
function pick(array $a) { return $a[mt_rand(0, count($a) - 1)]; }
function desc($v) {
    global $KEYS;
    if (is_object($v)) return get_class($v);
    if (is_int($v) && ($i = array_search($v, $KEYS, true)) !== false) return "KEY$i";
    if (is_string($v)) return 'string(' . strlen($v) . ')';
    if (is_float($v)) return 'float';
    return var_export($v, true);
}
function rkey() {
    global $KEYS;
    $k = pick($KEYS);
    // Only values that are one of our keys or a TypeError: never 0
    // (IPC_PRIVATE creates a new set each time) or a key of someone else.
    return pick([$k, $k, (string)$k, (float)$k, "$k ", " $k", $k + 0.5, "k$k", [], new stdClass, "1e3x"]);
}
function rint() {
    return pick([0, 1, 2, 3, -1, -5, 32767, 32768, 70000, PHP_INT_MAX, PHP_INT_MIN, "2", "x", 1.5, null, true, false, [], new stdClass]);
}
function rperm() { return pick([0666, 0600, 0777, 0400, 0, -1, "0666", "x", null, 1.0, []]); }
function rtruthy() { return pick([true, 1, "1", 1.0, "yes", [], new stdClass, 2]); }
function rsem() {
    global $sems;
    $x = pick([null, "s", 1, new stdClass]);
    return $sems && mt_rand(0, 9) > 1 ? pick($sems) : $x;
}
for ($i = 0; $i < $CALLS; $i++) {
    block_begin($i);
    $op = mt_rand(0, 9);
    try {
        switch (true) {
            case $op <= 2:
                $args = array_slice([rkey(), rint(), rperm(), pick([true, false, 0, 1, "", "a", null, []])], 0, mt_rand(0, 5));
                if (count($args) == 5) $args[] = 1;
                $fn = 'sem_get';
                break;
            case $op <= 5:
                $args = array_slice([rsem(), rtruthy(), 1], 0, mt_rand(1, 2) + (mt_rand(0, 20) == 0 ? 1 : 0));
                if (count($args) < 2) $args[] = true; // never block
                $fn = 'sem_acquire';
                break;
            case $op <= 8:
                $args = array_slice([rsem(), 1], 0, mt_rand(0, 20) == 0 ? mt_rand(0, 2) : 1);
                $fn = 'sem_release';
                break;
            default:
                $args = [rsem()];
                $fn = mt_rand(0, 3) ? 'sem_remove' : 'sem_release';
        }
        echo "$i $fn(", implode(', ', array_map('desc', $args)), ")\n";
        $r = $fn(...$args);
        echo "  = ", desc($r), "\n";
        if ($r instanceof SysvSemaphore) {
            $sems[] = $r;
            if (count($sems) > 6) array_shift($sems);
        }
    } catch (Throwable $e) {
        echo "  ", get_class($e), ": ", preg_replace('/0x[0-9a-f]+/', '<KEY>', $e->getMessage()), "\n";
    }
    block_end($i);
}
echo "done\n";
