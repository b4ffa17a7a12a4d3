<?php
// Randomized arguments (seeded): thousands of calls with random types and
// sizes; results, warnings and exception texts must match native and nothing
// may crash. Process-changing functions (setters, kill with a signal) are
// excluded or limited to harmless values; see setters.php for those.
// FUZZ=long: 100000 calls, one line per 1,000-call block (md5 and size of
// the block's output, warnings included) so that a mismatch shows the first
// differing block; FUZZ_SHOW=<block> prints that block's calls in full.
// Default: 4000 calls, each printed.
require __DIR__ . '/lib/fuzz.php';
fuzz_setup(4000, 20260407);
$dir = __DIR__ . '/rnd'; // the runner's private folder (printed as <DIR>)
@mkdir($dir);
$main = getmypid();
register_shutdown_function(function () use ($dir, $main) {
    if (getmypid() !== $main) return;
    foreach (glob("$dir/*") ?: [] as $f) @unlink($f);
    @rmdir($dir);
});
$ctx = stream_context_create();
$closed = fopen('php://memory', 'r'); fclose($closed);
$res = ['mem' => fopen('php://memory', 'r+'), 'file' => fopen(__FILE__, 'r'), 'closed' => $closed,
        'ctx' => $ctx, 'stdin' => STDIN, 'stderr' => STDERR];
function rnd_string(): string {
    switch (mt_rand(0, 9)) {
        case 0: return '';
        case 1: return (string) mt_rand(-5, 70000);
        case 2: return 'root';
        case 3: return "ro\0ot";
        case 4: return str_repeat(chr(mt_rand(32, 126)), mt_rand(1, 5000));
        case 5: return ' ' . mt_rand(0, 9);
        case 6: return mt_rand(0, 9) . 'abc';
        case 7: return '1e' . mt_rand(0, 30);
        case 8: return random_bytes_seeded(mt_rand(1, 40));
        default: return ['nobody', 'nogroup', 'daemon', 'bin', 'sys', 'no-such-xyz'][mt_rand(0, 5)];
    }
}
function random_bytes_seeded(int $n): string { $s = ''; for ($i = 0; $i < $n; $i++) $s .= chr(mt_rand(0, 255)); return $s; }
function rnd_value(array $res) {
    switch (mt_rand(0, 14)) {
        case 0: case 1: return mt_rand(-10, 200);
        case 2: return [PHP_INT_MAX, PHP_INT_MIN, 4294967296, -4294967296, 2147483647, -2147483648, 65534, 0][mt_rand(0, 7)];
        case 3: return mt_rand(-1000, 1000) / 7;
        case 4: return [NAN, INF, -INF, 1e30, -0.0, 2.0][mt_rand(0, 5)];
        case 5: case 6: return rnd_string();
        case 7: return null;
        case 8: return (bool) mt_rand(0, 1);
        case 9: return [];
        case 10: return [mt_rand(), 'x' => rnd_string()];
        case 11: return new stdClass;
        case 12: return new ArrayObject([1]);
        default: $k = array_keys($res); return $res[$k[mt_rand(0, count($k) - 1)]];
    }
}
function desc($v): string {
    if (is_resource($v)) return 'resource(' . get_resource_type($v) . ')';
    if (is_object($v)) return 'object(' . get_class($v) . ')';
    if (is_float($v)) return 'float(' . var_export($v, true) . ')';
    if (is_string($v)) $v = str_replace(__DIR__, '<D>', $v); // same text under both runs
    if (is_string($v)) return strlen($v) > 40 ? 'string(' . strlen($v) . ':' . md5($v) . ')' : json_encode($v, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_UNESCAPED_SLASHES);
    if (is_array($v)) { $r = json_encode($v, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_UNESCAPED_SLASHES); return strlen($r) > 200 ? 'array(' . count($v) . ':' . md5($r) . ')' : $r; }
    return var_export($v, true);
}
// name => number of args (min..max). Pid-taking functions get safe pids.
$fns = [
    'posix_getpwnam' => [1, 1], 'posix_getpwuid' => [1, 1], 'posix_getgrnam' => [1, 1], 'posix_getgrgid' => [1, 1],
    'posix_strerror' => [1, 1], 'posix_isatty' => [1, 1], 'posix_ttyname' => [1, 1], 'posix_access' => [1, 2],
    'posix_mkfifo' => [2, 2], 'posix_mknod' => [2, 4], 'posix_getpgid' => [1, 1], 'posix_getsid' => [1, 1],
    'posix_kill' => [2, 2], 'posix_get_last_error' => [0, 1], 'posix_errno' => [0, 0], 'posix_getcwd' => [0, 1],
    'posix_uname' => [0, 1], 'posix_getrlimit' => [0, 1], 'posix_ctermid' => [0, 1], 'posix_getgroups' => [0, 1],
    'posix_getlogin' => [0, 0], 'posix_getuid' => [0, 1], 'posix_times' => [0, 1], 'posix_initgroups' => [0, 1],
    'posix_setuid' => [0, 0], 'posix_setrlimit' => [0, 2], 'posix_setgid' => [0, 0], 'posix_setpgid' => [0, 1],
];
// Setters only ever get a wrong number of arguments (ArgumentCountError).
$setters = ['posix_setuid' => 1, 'posix_setgid' => 1, 'posix_initgroups' => 2, 'posix_setpgid' => 2];
$names = array_keys($fns);
for ($i = 0; $i < $CALLS; $i++) {
    block_begin($i);
    $fn = $names[mt_rand(0, count($names) - 1)];
    [$min, $max] = $fns[$fn];
    // Mostly a valid count, so the values themselves get exercised.
    $n = mt_rand(0, 3) ? mt_rand($min, $max) : mt_rand(max(0, $min - 1), $max + 1);
    if (isset($setters[$fn]) && $n === $setters[$fn]) $n++;
    $args = [];
    for ($j = 0; $j < $n; $j++) $args[] = rnd_value($res);
    if ($fn === 'posix_mkfifo' || $fn === 'posix_mknod' || $fn === 'posix_access') {
        if ($n > 0 && is_string($args[0]) && mt_rand(0, 1)) $args[0] = "$dir/" . substr($args[0], 0, 100);
        if ($fn !== 'posix_access' && $n > 0 && !(is_string($args[0]) && str_starts_with($args[0], "$dir/"))) {
            // Never create nodes outside the private folder.
            if (is_scalar($args[0]) || $args[0] === null) $args[0] = "$dir/n" . mt_rand(0, 50);
        }
    }
    if (in_array($fn, ['posix_getpgid', 'posix_getsid', 'posix_kill'], true)) {
        // Only pids whose answer does not depend on the machine: self (0),
        // init (1), and ones above pid_max.
        for ($j = 0; $j < $n; $j++) if (is_int($args[$j]) && $args[$j] > 1 && $args[$j] < 4194305) $args[$j] = 0;
        for ($j = 0; $j < $n; $j++) if (is_string($args[$j]) || is_float($args[$j]) || is_bool($args[$j])) $args[$j] = [0, 1, 5000000][mt_rand(0, 2)];
        if ($fn === 'posix_kill' && $n >= 2) $args[1] = 0; // existence checks only
    }
    if ($fn === 'posix_setrlimit' && $n === 3) $args = [99, 0, 0];
    $line = "$i $fn(" . implode(', ', array_map('desc', $args)) . ') => ';
    try {
        $r = $fn(...$args);
        if ($fn === 'posix_times' && is_array($r)) $r = array_map('gettype', $r);
        if (in_array($fn, ['posix_getpgid', 'posix_getsid'], true) && is_int($r)) $r = 'int';
        $line .= desc($r);
    } catch (Throwable $e) {
        $line .= get_class($e) . ': ' . $e->getMessage();
    }
    echo $line, ' errno=', posix_get_last_error(), "\n";
    block_end($i);
}
clearstatcache();
$made = glob("$dir/*") ?: [];
sort($made);
foreach ($made as $f) echo basename($f), ' ', filetype($f), ' ', decoct(fileperms($f) & 07777), "\n";
