<?php
// EventBuffer: every method called with arguments of every kind (types,
// negative and huge ints, numeric strings, floats, null), on a fresh buffer
// each time: results, TypeErrors, deprecations and warnings as PECL's.
error_reporting(E_ALL);
set_error_handler(function ($no, $msg) { echo "  [$no] $msg\n"; return true; });
$values = ['null' => null, 'true' => true, '-1' => -1, '-7' => -7, '3' => 3, '100' => 100, 'MAX' => PHP_INT_MAX,
    'MIN' => PHP_INT_MIN, '2.5' => 2.5, 'NAN' => NAN, '"4"' => "4", '"x"' => "x", '""' => "", '[]' => [],
    'obj' => new stdClass, 'buf' => new EventBuffer];
// Descriptors are only given as closed/invalid values here: write/readFrom
// with 0/1/2 would use the runner's stdio (see buffer_io.php for real ones).
$fdSafe = ['-1' => -1, '100' => 100, 'MAX' => PHP_INT_MAX, '"x"' => "x", '[]' => [], 'obj' => new stdClass, '2.5' => 2.5, 'null' => null];
$methods = ['freeze' => 1, 'unfreeze' => 1, 'lock' => 0, 'unlock' => 0, 'enableLocking' => 0, 'add' => 1, 'read' => 1,
    'addBuffer' => 1, 'appendFrom' => 2, 'expand' => 1, 'prepend' => 1, 'prependBuffer' => 1, 'drain' => 1,
    'readLine' => 1, 'search' => 3, 'searchEol' => 2, 'pullup' => 1, 'substr' => 2, 'write' => 2, 'readFrom' => 2];
foreach ($methods as $m => $n) {
    for ($k = 0; $k <= $n + 1; $k++) {
        $sets = [[]];
        for ($i = 0; $i < $k; $i++) {
            $vals = ($i == 0 && ($m == 'write' || $m == 'readFrom')) ? $fdSafe : $values;
            // PECL's read() allocates max_bytes + 1 up front: other negative
            // or huge sizes end PHP ("Possible integer overflow", abort). See buffer_read_sizes.phpt.
            if ($m == 'read') $vals = array_diff_key($vals, ['-7' => 1, 'MAX' => 1, 'MIN' => 1]);
            $next = [];
            foreach ($sets as $s) foreach ($vals as $label => $v) { if (count($next) > 60) break 2; $next[] = $s + [$i => [$label, $v]]; }
            $sets = $next;
        }
        foreach ($sets as $s) {
            $b = new EventBuffer; $b->add("ab\r\ncd\n\0ef");
            $args = array_map(fn($p) => $p[1], $s);
            echo "$m(", implode(", ", array_map(fn($p) => $p[0], $s)), "): ";
            try { $r = $b->$m(...$args); echo is_string($r) ? json_encode($r) : var_export($r, true); echo " len=", $b->length, "\n"; }
            catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
        }
    }
}
// copyout needs a variable.
foreach ($values as $label => $v) {
    $b = new EventBuffer; $b->add("ab\r\ncd");
    $o = $v;
    echo "copyout(\$$label, 3): ";
    try { $r = $b->copyout($o, 3); var_export([$r, is_object($o) ? get_class($o) : $o]); echo "\n"; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
    // As read(): PECL allocates max_bytes + 1 first, which ends PHP for these.
    if (in_array((string)$label, ['-7', 'MAX', 'MIN'], true)) continue;
    echo "copyout(\$s, $label): ";
    $o = "keep";
    try { $r = $b->copyout($o, $v); var_export([$r, $o]); echo "\n"; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
