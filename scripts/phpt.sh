#!/usr/bin/env bash
# Runs php-tests/**/*.phpt with PHP's own runner against php-ipc loaded alone
# (php -n). Extra arguments go to run-tests.php (e.g. a single test path).
set -uo pipefail
cd "$(dirname "$0")/.."
SO="$(pwd)/target/release/libphp_ipc.so"
RUNNER="$(php-config --extension-dir)/build/run-tests.php"
[ -f "$RUNNER" ] || RUNNER="$(dirname "$(php-config --extension-dir)")/build/run-tests.php"
[ -f "$RUNNER" ] || RUNNER="/usr/lib/php/$(php-config --phpapi)/build/run-tests.php"
[ -f "$RUNNER" ] || { echo "phpt: run-tests.php not found (install php$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')-dev)"; exit 1; }
paths=("$@"); [ ${#paths[@]} -gt 0 ] || paths=(php-tests)
log=$(mktemp)
# An empty extension_dir: only our .so (and what a test loads itself) is seen.
emptydir=$(mktemp -d)
NO_INTERACTION=1 TEST_PHP_EXECUTABLE="$(command -v php)" TEST_PHP_SRCDIR="$(pwd)" \
  php -n "$RUNNER" -n -d extension="$SO" -q --show-diff -j"${PHPT_JOBS:-2}" "${paths[@]}" 2>&1 | tee "$log"
passed=$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$log"); failed=$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$log")
skipped=$(sed -n 's/^Tests skipped *: *\([0-9]*\).*/\1/p' "$log"); borked=$(sed -n 's/^Tests borked *: *\([0-9]*\).*/\1/p' "$log")
warned=$(sed -n 's/^Tests warned *: *\([0-9]*\).*/\1/p' "$log")
rm -f "$log"; rmdir "$emptydir"
failed=$(( ${failed:-0} + ${borked:-0} + ${warned:-0} ))
echo "phpt: ${passed:-0} passed, ${failed} failed, ${skipped:-0} skipped"
[ "${passed:-0}" -gt 0 ] && [ "$failed" -eq 0 ]
