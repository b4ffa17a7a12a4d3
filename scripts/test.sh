#!/usr/bin/env bash
# Runs every test: Rust unit tests, phpt (PHP's runner), differential tests
# against the native extensions, the seed scripts, and event-golden.
# Ends with one line "N passed, N failed" summing all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
# PHP_IPC_SKIP_SETUP=1: the caller has installed and built already (scripts/php84.sh does).
if [ "${PHP_IPC_SKIP_SETUP:-0}" != 1 ]; then
  bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
fi
total_pass=0; total_fail=0
count() { # suite-name, log file: picks the suite's own "N passed, N failed" line
  local line p f
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$2" | tail -1)
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+'); f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
  [ -n "$line" ] || { p=0; f=1; echo "$1: no result line"; }
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}
ipcs_before=$(mktemp); ipcs -a | awk 'NR>3 && $1 ~ /^0x/ {print $1, $2}' | sort > "$ipcs_before"
log=$(mktemp)

echo "== cargo test (ipc-core, and the main crate's PHP-free tests)"
{ cargo test --quiet -p ipc-core 2>&1; cargo test --quiet --release --test ssl_context 2>&1; } | tee "$log"
p=$(awk '/^test result:/ {for (i=1;i<=NF;i++) if ($(i+1) ~ /^passed/) s+=$i} END {print s+0}' "$log")
f=$(awk '/^test result:/ {for (i=1;i<=NF;i++) if ($(i+1) ~ /^failed/) s+=$i} END {print s+0}' "$log")
grep -q '^test result:' "$log" || f=1
total_pass=$((total_pass + ${p:-0})); total_fail=$((total_fail + ${f:-1}))

echo "== phpt"
bash scripts/phpt.sh > "$log" 2>&1; grep -E 'FAIL|BORK|WARN|SKIP|passed' "$log" | grep -v '^Tests' | head -100; count phpt "$log"

echo "== differential tests (native vs php-ipc)"
bash scripts/difftest.sh 2>&1 | tee "$log"; count difftest "$log"

echo "== stubs/ against Reflection"
php -n scripts/stubcheck.php "$(pwd)/target/release/libphp_ipc.so" 2>&1 | tee "$log"; count stubcheck "$log"

echo "== seeds"
bash scripts/run-seeds.sh 2>&1 | tee "$log"; count seeds "$log"

if [ -d tests/event-golden ] && php -n -d extension="$(pwd)/target/release/libphp_ipc.so" -r 'exit(class_exists("EventBase") ? 0 : 1);'; then
  echo "== event-golden"
  # The scripts also use ext/sockets and ext/posix: load the native ones
  # while this build does not provide them.
  so="$(pwd)/target/release/libphp_ipc.so"; extra=""
  php -n -d extension="$so" -r 'exit(function_exists("socket_create_pair") ? 0 : 1);' || extra="$extra -d extension=sockets"
  php -n -d extension="$so" -r 'exit(function_exists("posix_kill") ? 0 : 1);' || extra="$extra -d extension=posix"
  bash tests/event-golden/run.sh "-n$extra -d extension=$so" 2>&1 | tee "$log"; count event-golden "$log"
fi

echo "== IPC objects left behind"
ipcs_after=$(mktemp); ipcs -a | awk 'NR>3 && $1 ~ /^0x/ {print $1, $2}' | sort > "$ipcs_after"
leaked=$(comm -13 "$ipcs_before" "$ipcs_after" | grep -v '^0x00000000 ' || true)
if [ -n "$leaked" ]; then echo "leaked IPC objects (key id):"; echo "$leaked"; total_fail=$((total_fail + 1)); else echo "none"; total_pass=$((total_pass + 1)); fi
rm -f "$log" "$ipcs_before" "$ipcs_after"
echo
echo "all: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
