#!/usr/bin/env bash
# Instructions per callback (or per loop call) of each dispatch benchmark,
# PECL event 3.1.5 (the oracle) beside php-ipc, counted by callgrind: the
# difference between a run of N1 and one of N2 iterations, divided by N2-N1,
# so start-up costs cancel out. Repeatable on a loaded machine, unlike timings.
# Beside each total: the part spent in zend_call_function ("in callbacks":
# PHP's call machinery, the callback's opcodes and whatever the callback
# calls), and the rest (the loop, the extension, libevent, and the script's
# own code outside callbacks). For the fd case the callback is the same
# closure on both sides, so its part is the same work twice.
#   bash benches/event_callgrind.sh [case...]   (io rearm batch nonblock)
set -euo pipefail
cd "$(dirname "$0")/.."
so="$(pwd)/target/release/libphp_ipc.so"
oracle="${EVENT_ORACLE:-$(cd .. && pwd)/shared/oracle/pecl-event/event.so}"
cases=("$@"); [ ${#cases[@]} -gt 0 ] || cases=(io rearm batch nonblock)
N1=${N1:-20000}; N2=${N2:-60000}
count() { # side args case N -> "total in_zend_call_function" instructions
  local out; out=$(mktemp)
  BENCH_N=$4 valgrind --tool=callgrind --callgrind-out-file="$out" php $2 benches/event_dispatch.php --case "$3" >/dev/null 2>&1
  callgrind_annotate --inclusive=yes "$out" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
    /:zend_call_function / { gsub(",", "", $1); call = $1 }
    END { print total + 0, call + 0 }'
  rm -f "$out"
}
sides=("ours|-n -d extension=$so")
if [ -e "$oracle" ] && php -n -d extension=sockets -d extension=posix -d extension="$oracle" -r 'exit(class_exists("EventBase") ? 0 : 1);' 2>/dev/null; then
  sides=("pecl|-n -d extension=sockets -d extension=posix -d extension=$oracle" "${sides[@]}")
else
  echo "PECL event oracle absent ($oracle): php-ipc only"
fi
for c in "${cases[@]}"; do
  line="$c:"
  for s in "${sides[@]}"; do
    name=${s%%|*}; args=${s#*|}
    read -r a ac < <(count "$name" "$args" "$c" "$N1"); read -r b bc < <(count "$name" "$args" "$c" "$N2")
    total=$(( (b - a) / (N2 - N1) )); call=$(( (bc - ac) / (N2 - N1) ))
    line="$line  $name $total instr/iteration (in callbacks $call, rest $(( total - call )))"
  done
  echo "$line"
done
