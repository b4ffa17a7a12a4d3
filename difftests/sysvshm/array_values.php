<?php
// Arrays through shm_put_var/shm_get_var: the segment bytes and what comes
// back (debug_zval_dump: types, refcounts, interned strings) must be
// native's, for random nested arrays (seeded) and the edge cases of the
// array fast paths (numeric string keys, references, floats, objects...).
if (!extension_loaded('shmop') && !@dl('shmop.so')) { echo "#SKIP shmop not available\n"; exit; }
$K = ftok(__FILE__, 'v');
register_shutdown_function(function () use ($K) { if ($s = @shm_attach($K, 1)) shm_remove($s); });
$s = shm_attach($K, 1 << 18);
$raw = shmop_open($K, "a", 0, 0);
mt_srand(4242);
function rkey() {
    switch (mt_rand(0, 5)) {
        case 0: return mt_rand(-5, 20);
        case 1: return PHP_INT_MAX - mt_rand(0, 1);
        case 2: return "k" . mt_rand(0, 9);
        case 3: return ["", "-", "-0", "0", "01", " 1", "1 ", "9223372036854775808", "-1", "a\0b", "é"][mt_rand(0, 10)];
        case 4: return (string)mt_rand(0, 99);
        default: return str_repeat("x", mt_rand(0, 40));
    }
}
function rval($d) {
    switch (mt_rand(0, $d > 3 ? 6 : 9)) {
        case 0: return mt_rand(-1000, 1000);
        case 1: return [PHP_INT_MIN, PHP_INT_MAX, 0, -1][mt_rand(0, 3)];
        case 2: return str_repeat(chr(mt_rand(32, 126)), mt_rand(0, 3));
        case 3: return str_repeat("ab", mt_rand(0, 300));
        case 4: return [true, false, null][mt_rand(0, 2)];
        case 5: return mt_rand(0, 20) == 0 ? 1.5 : "s" . mt_rand();
        case 6: return mt_rand(0, 30) == 0 ? new ArrayObject([1]) : "";
        default:
            $a = [];
            for ($i = mt_rand(0, 6); $i > 0; $i--) $a[rkey()] = rval($d + 1);
            if (mt_rand(0, 4) == 0) $a = array_values($a);
            if (mt_rand(0, 6) == 0 && $a) { unset($a[array_key_first($a)]); }
            return $a;
    }
}
function show($v) { ob_start(); debug_zval_dump($v); return md5(ob_get_clean()); }
function segment() { global $raw; $b = shmop_read($raw, 0, 40); $end = unpack('q', $b, 16)[1]; return md5(shmop_read($raw, 0, $end)); }
$cases = [[], [[]], [1, 2, 3], ["a" => 1], [-1 => "x"], ["0" => 1, "1" => 2], ["-5" => 1], ["05" => 1], [PHP_INT_MAX => 1],
    [1.5], [[1.5]], [new stdClass], ["x" => [1, [2, [3, [4]]]]], array_fill(0, 50, "same"), range(-50, 50), [true, false, null, ""]];
$r = [1, 2]; $ref = &$r[0]; $cases[] = $r;           // a shared reference: PHP's serializer
$q = [1, 2]; $tmp = &$q[1]; unset($tmp); $cases[] = $q; // a reference nobody else holds
$deep = 1; for ($i = 0; $i < 40; $i++) $deep = [$deep]; $cases[] = $deep;
$deep = []; for ($i = 0; $i < 40; $i++) $deep = [$deep, "k$i" => $i]; $cases[] = $deep;
for ($i = 0; $i < 400; $i++) $cases[] = rval(0);
foreach ($cases as $i => $v) {
    if (!is_array($v)) $v = [$v];
    shm_put_var($s, $i % 7, $v);
    $back = shm_get_var($s, $i % 7);
    echo $i, " ", segment(), " ", show($back), " ", $back == $v ? "eq" : "NE", "\n";
}
// nNextFreeElement of arrays read back (the next $v[] key).
foreach ([[-5 => 1], [3 => 1, 1 => 2], ["a" => 1], [PHP_INT_MAX => 1], [-1 => 1, -3 => 2], [[7 => 1]]] as $i => $a) {
    shm_put_var($s, 100 + $i, $a);
    $v = shm_get_var($s, 100 + $i);
    try { $v[] = "new"; if (isset($v[0]) && is_array($v[0])) $v[0][] = "n"; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
    echo json_encode($v), "\n";
}
echo "done\n";
