#!/usr/bin/env bash
# Differential tests: each difftests/<group>/*.php runs under the native
# extensions and under php-ipc; stdout+stderr must be identical after
# normalising the run folder to <DIR>.
#   scripts/difftest.sh [group...]       (default: every group folder)
# A script may print lines starting with "#SKIP " on the native side to be skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
SO="$(pwd)/target/release/libphp_ipc.so"
NATIVE_ALL="-d extension=sysvmsg -d extension=sysvsem -d extension=sysvshm -d extension=posix -d extension=sockets -d extension=shmop"
# Ours: our .so, plus the native modules of groups php-ipc does not provide.
ours_groups=$(php -n -d extension="$SO" -r 'foreach (["sysvmsg","sysvsem","sysvshm","posix","sockets","shmop"] as $g) if (extension_loaded($g)) echo "$g ";')
OURS="-d extension=$SO"
for g in sysvmsg sysvsem sysvshm posix sockets shmop; do
  case " $ours_groups " in *" $g "*) ;; *) OURS="$OURS -d extension=$g";; esac
done
groups=("$@"); [ ${#groups[@]} -gt 0 ] || groups=($(ls difftests))
pass=0; fail=0; skip=0
tmp=$(mktemp -d); tmp=$(cd "$tmp" && pwd -P); trap 'rm -rf "$tmp"' EXIT
for g in "${groups[@]}"; do
  for f in difftests/$g/*.php; do
    [ -e "$f" ] || continue
    name="$g/$(basename "$f" .php)"
    mkdir -p "$tmp/n" "$tmp/o"
    cp "$f" "$tmp/n/t.php"; cp "$f" "$tmp/o/t.php"
    (cd "$tmp/n" && timeout "${DIFFTEST_TIMEOUT:-60}" php -n $NATIVE_ALL t.php </dev/null 2>&1; echo "[exit $?]") | sed "s#$tmp/n#<DIR>#g" > "$tmp/native.out"
    (cd "$tmp/o" && timeout "${DIFFTEST_TIMEOUT:-60}" php -n $OURS t.php </dev/null 2>&1; echo "[exit $?]") | sed "s#$tmp/o#<DIR>#g" > "$tmp/ours.out"
    rm -rf "$tmp/n" "$tmp/o"
    if grep -q '^#SKIP ' "$tmp/native.out"; then skip=$((skip+1)); echo "SKIP $name: $(grep -m1 '^#SKIP ' "$tmp/native.out")"; continue; fi
    if grep -q '^\[exit 124\]$' "$tmp/native.out" "$tmp/ours.out"; then
      fail=$((fail+1)); echo "FAIL $name (timed out)"; continue
    fi
    if cmp -s "$tmp/native.out" "$tmp/ours.out"; then
      pass=$((pass+1)); [ "${VERBOSE:-0}" = 1 ] && echo "PASS $name"
    else
      fail=$((fail+1)); echo "FAIL $name"; diff -u "$tmp/native.out" "$tmp/ours.out" | head -${DIFF_LINES:-30}
    fi
  done
done
echo "difftest: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
