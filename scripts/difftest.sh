#!/usr/bin/env bash
# Differential tests: each difftests/<group>/*.php runs under the oracle and
# under php-ipc; stdout+stderr must be identical after normalising the run
# folder to <DIR> (and, for event, ephemeral ports written as "port N").
#   scripts/difftest.sh [group...]       (default: every group folder)
# Oracles: the native extensions for sysvmsg/sysvsem/sysvshm/posix/sockets;
# PECL event 3.1.5 (../shared/oracle/pecl-event/event.so, or $EVENT_ORACLE)
# for the event group. Without that oracle (or libevent's runtime libraries)
# the event scripts run on ours alone, must not crash, and are counted and
# reported as skipped, never as passed.
# A script may print lines starting with "#SKIP " on the oracle side to be skipped,
# or "#SKIP needs <feature>" on our side while php-ipc lacks that feature.
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
# The event oracle: PECL event with PHP's native sockets and posix before it.
EVENT_ORACLE="${EVENT_ORACLE:-$(cd .. && pwd)/shared/oracle/pecl-event/event.so}"
PECL="-d extension=sockets -d extension=posix -d extension=$EVENT_ORACLE"
event_oracle_missing() { # prints why the oracle cannot run, or nothing
  if [ ! -e "$EVENT_ORACLE" ]; then echo "$EVENT_ORACLE not found"; return; fi
  local out
  out=$(php -n $PECL -r 'echo class_exists("EventBase", false) ? "ok" : "no EventBase";' 2>&1)
  [ "$out" = ok ] || echo "PECL event does not load ($(echo "$out" | head -1 | cut -c1-160)); install libevent-core-2.1-7 libevent-extra-2.1-7 libevent-openssl-2.1-7"
}
groups=("$@"); [ ${#groups[@]} -gt 0 ] || groups=($(ls difftests | grep -vx lib))
pass=0; fail=0; skip=0
tmp=$(mktemp -d); tmp=$(cd "$tmp" && pwd -P); trap 'rm -rf "$tmp"' EXIT
# Runs t.php in $tmp/$1 with the PHP arguments $2; output to $tmp/$1.out.
run_side() {
  (cd "$tmp/$1" && {
    # Descriptors inherited from the caller would shift the fd numbers PHP gets.
    for p in /proc/$BASHPID/fd/*; do n="${p##*/}"; if [ "$n" -gt 2 ] 2>/dev/null; then eval "exec $n>&-" 2>/dev/null; fi; done
    # EVENT_NO<METHOD> and similar variables would change the event backend.
    for v in $(env | sed -n 's/^\(EVENT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
    timeout "${DIFFTEST_TIMEOUT:-60}" php -n $2 t.php </dev/null 2>&1; echo "[exit $?]"
  }) | sed -e "s#$tmp/$1#<DIR>#g" ${portsed:+-e "$portsed"} > "$tmp/$1.out"
}
for g in "${groups[@]}"; do
  oracle="-n $NATIVE_ALL"; ours_args="-n $OURS"; oracle_name=native; missing=""; portsed=""
  if [ "$g" = event ]; then
    oracle="-n $PECL"; oracle_name="PECL event"; ours_args="-n $OURS"
    # Ephemeral ports, the fd numbers in libevent's messages (PECL's libevent
    # holds two more descriptors of its own: evsig's socketpair) and the
    # event_base addresses libevent prints.
    portsed='s/\(port[ =:]*\)[0-9][0-9]*/\1N/g; s/\(on fd \)[0-9][0-9]*/\1N/g; s/0x[0-9a-f]\{6,\}/0xADDR/g'
    missing=$(event_oracle_missing)
    [ -z "$missing" ] || echo "event: oracle absent ($missing): scripts run on php-ipc only, not compared"
  fi
  for f in difftests/$g/*.php; do
    [ -e "$f" ] || continue
    name="$g/$(basename "$f" .php)"
    mkdir -p "$tmp/n" "$tmp/o"
    cp "$f" "$tmp/n/t.php"; cp "$f" "$tmp/o/t.php"
    # Shared helpers (difftests/lib/) and the group's own (difftests/<group>/lib/) go
    # beside each copy as lib/.
    for side in n o; do
      for d in difftests/lib "difftests/$g/lib"; do
        [ -d "$d" ] && mkdir -p "$tmp/$side/lib" && cp -r "$d/." "$tmp/$side/lib/"
      done
    done
    if [ -n "$missing" ]; then
      run_side o "$ours_args"; rm -rf "$tmp/n" "$tmp/o"
      skip=$((skip+1))
      rc=$(tail -1 "$tmp/o.out")
      # A script that exits on purpose says so: "// difftest-exit: N".
      want=$(sed -n 's|^// difftest-exit: \([0-9]*\)$|[exit \1]|p' "$f" | head -1)
      ok_rc="[exit 0]"; [ -n "$want" ] && ok_rc=$want
      case "$rc" in
        "$ok_rc"|"[exit 0]"|"[exit 255]") echo "SKIP $name: no oracle to compare with (ran on php-ipc: $rc)";;
        *) fail=$((fail+1)); skip=$((skip-1)); echo "FAIL $name: php-ipc alone ended with $rc"; tail -5 "$tmp/o.out";;
      esac
      continue
    fi
    run_side n "$oracle"; run_side o "$ours_args"
    rm -rf "$tmp/n" "$tmp/o"
    if grep -q '^#SKIP ' "$tmp/n.out"; then skip=$((skip+1)); echo "SKIP $name: $(grep -m1 '^#SKIP ' "$tmp/n.out")"; continue; fi
    # A probe written ahead of its class (e.g. EventHttp) says so on our side.
    if grep -q '^#SKIP needs ' "$tmp/o.out"; then skip=$((skip+1)); echo "SKIP $name: php-ipc $(grep -m1 '^#SKIP ' "$tmp/o.out" | cut -c2-) yet"; continue; fi
    if grep -q '^\[exit 124\]$' "$tmp/n.out" "$tmp/o.out"; then
      fail=$((fail+1)); echo "FAIL $name (timed out)"; continue
    fi
    if cmp -s "$tmp/n.out" "$tmp/o.out"; then
      pass=$((pass+1)); [ "${VERBOSE:-0}" = 1 ] && echo "PASS $name"
    else
      fail=$((fail+1)); echo "FAIL $name ($oracle_name vs php-ipc)"; diff -u "$tmp/n.out" "$tmp/o.out" | head -${DIFF_LINES:-30}
    fi
  done
done
echo "difftest: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
