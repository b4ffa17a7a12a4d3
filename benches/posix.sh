#!/usr/bin/env bash
# Side-by-side: native ext/posix vs php-ipc, alternating, N rounds; medians and ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
SO="$(pwd)/target/release/libphp_ipc.so"
N=${ROUNDS:-5}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for r in $(seq "$N"); do
  php -n -d extension=posix benches/posix.php >> "$tmp/native"
  php -n -d extension="$SO" benches/posix.php >> "$tmp/ours"
done
php -n -r '
$load = function ($f) { $o = []; foreach (file($f, FILE_IGNORE_NEW_LINES) as $l) { $p = strrpos($l, " "); $o[substr($l, 0, $p)][] = (float) substr($l, $p + 1); } return $o; };
$med = function ($a) { sort($a); return $a[intdiv(count($a), 2)]; };
$n = $load($argv[1]); $o = $load($argv[2]);
printf("%-24s %12s %12s %8s\n", "case", "native ms", "php-ipc ms", "ratio");
foreach ($n as $k => $v) { $a = $med($v) * 1000; $b = $med($o[$k]) * 1000; printf("%-24s %12.1f %12.1f %7.2fx\n", $k, $a, $b, $a / $b); }
' "$tmp/native" "$tmp/ours"
echo "(ratio > 1: php-ipc faster; medians of $N alternating rounds)"
