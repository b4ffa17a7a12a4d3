#!/usr/bin/env bash
# Runs examples/*.php on php-ipc alone (php -n) and compares with
# examples/expected/*.out. prefork_server.php never exits by design: it is
# started, probed on 127.0.0.1:9999 and stopped (see php-tests/seeds/).
set -uo pipefail
cd "$(dirname "$0")/.."
# PHP_IPC_EXT=ipc runs them on an installed ipc.so (extension_dir) instead of the build.
SO="${PHP_IPC_EXT:-$(pwd)/target/release/libphp_ipc.so}"
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in examples/*.php; do
  name=$(basename "$f" .php)
  exp="examples/expected/$name.out"
  if [ "$name" = prefork_server ]; then
    if ! php -n -d extension="$SO" -r 'exit(function_exists("socket_create") ? 0 : 1);'; then
      echo "SKIP $name (the sockets group is not built yet)"; continue
    fi
    if bash scripts/probe-prefork.sh "$SO"; then pass=$((pass+1)); echo "PASS $name"; else fail=$((fail+1)); echo "FAIL $name"; fi
    continue
  fi
  [ -f "$exp" ] || continue
  case "$name" in # a seed whose group is not built yet is skipped, not failed
    shm_counter) probe='function_exists("sem_get") && function_exists("shm_attach")';;
    event_features) probe='class_exists("EventBase")';;
    *) probe='true';;
  esac
  if ! php -n -d extension="$SO" -r "exit(($probe) ? 0 : 1);"; then echo "SKIP $name (its group is not built yet)"; continue; fi
  cp "$f" "$tmp/"
  (cd "$tmp" && timeout -k 5 30 php -n -d extension="$SO" "$name.php" 2>&1) | sed "s#$tmp#<DIR>#g" > "$tmp/$name.actual"
  if [ "$name" = shm_counter ]; then # the seed never removes its semaphore (native leaves it too)
    php -n -d extension="$SO" -r '$s = @sem_get(ftok($argv[1], "b")); if ($s) sem_remove($s);' "$tmp/$name.php"
  fi
  if cmp -s "$tmp/$name.actual" "$exp"; then pass=$((pass+1)); echo "PASS $name"; cat "$tmp/$name.actual" | sed 's/^/    /'
  else fail=$((fail+1)); echo "FAIL $name"; diff -u "$exp" "$tmp/$name.actual" | head -20; fi
done
echo "seeds: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
