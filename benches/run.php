<?php
// Side-by-side benchmark driver: runs each case under the native extensions
// and under php-ipc, alternating, ROUNDS times, and prints medians and the
// ratio ours/native (>1 means php-ipc is faster).
//   php benches/run.php <bench-script> <so> <native-ext,...> <case:iterations>...
// Environment: ROUNDS (default 7). METRIC=instructions instead counts user-space
// instructions per operation with valgrind's callgrind (deterministic on a
// noisy machine; excludes the kernel): (I(2n) - I(n)) / n per side.
[$_, $script, $so, $natives] = $argv;
$cases = array_slice($argv, 4);
$rounds = (int) (getenv('ROUNDS') ?: 7);
$php = escapeshellarg(PHP_BINARY);
$nat = '-n ' . implode(' ', array_map(fn($e) => "-d extension=$e", array_filter(explode(',', $natives))));
$ours = '-n -d extension=' . escapeshellarg($so);
$median = function (array $v) { sort($v); $c = count($v); return $c % 2 ? $v[intdiv($c, 2)] : ($v[$c / 2 - 1] + $v[$c / 2]) / 2; };
if (getenv('METRIC') === 'instructions') {
    printf("%-22s %16s %16s %8s\n", 'case', 'native instr/op', 'php-ipc instr/op', 'ratio');
    $count = function (string $opts, string $case, int $n) use ($php, $script) {
        $out = (string) shell_exec("valgrind --tool=callgrind --callgrind-out-file=/dev/null $php $opts " . escapeshellarg($script) . ' ' . escapeshellarg($case) . " $n 2>&1");
        preg_match('/refs:\s+([\d,]+)/', $out, $m) || exit("callgrind failed: $out\n");
        return (int) str_replace(',', '', $m[1]);
    };
    foreach ($cases as $spec) {
        [$case, $iters] = explode(':', $spec) + [1 => 100000];
        $n = max(1000, intdiv((int) $iters, 20));
        $per = [];
        foreach (['native' => $nat, 'ours' => $ours] as $side => $opts) {
            $per[$side] = ($count($opts, $case, 2 * $n) - $count($opts, $case, $n)) / $n;
        }
        printf("%-22s %16.0f %16.0f %7.2fx\n", $case, $per['native'], $per['ours'], $per['native'] / $per['ours']);
    }
    echo "(user-space instructions per operation; ratio native/php-ipc, >1 means php-ipc does less work)\n";
    exit(0);
}
printf("%-22s %14s %14s %8s\n", 'case', 'native ops/s', 'php-ipc ops/s', 'ratio');
foreach ($cases as $spec) {
    [$case, $iters] = explode(':', $spec) + [1 => 100000];
    $r = ['native' => [], 'ours' => []];
    for ($i = 0; $i < $rounds; $i++) {
        // Alternate which side goes first so drift on a shared machine evens out.
        $order = $i % 2 ? ['ours', 'native'] : ['native', 'ours'];
        foreach ($order as $side) {
            $opts = $side === 'native' ? $nat : $ours;
            $out = trim((string) shell_exec("$php $opts " . escapeshellarg($script) . ' ' . escapeshellarg($case) . " $iters 2>&1"));
            if (!is_numeric($out)) { fwrite(STDERR, "$case/$side failed: $out\n"); exit(1); }
            $r[$side][] = (float) $out;
        }
    }
    $n = $median($r['native']); $o = $median($r['ours']);
    printf("%-22s %14.0f %14.0f %7.2fx\n", $case, $n, $o, $o / $n);
}
printf("(medians of %d alternating rounds)\n", $rounds);
