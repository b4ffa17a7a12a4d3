#!/usr/bin/env bash
# Instructions per callback (or per loop call) of each dispatch benchmark,
# PECL event 3.1.5 (the oracle) beside php-ipc, counted by callgrind: the
# difference between a run of N1 and one of N2 iterations, divided by N2-N1,
# so start-up costs cancel out. Repeatable on a loaded machine, unlike timings.
#   bash benches/event_callgrind.sh [case...]   (io rearm batch nonblock)
set -euo pipefail
cd "$(dirname "$0")/.."
so="$(pwd)/target/release/libphp_ipc.so"
oracle="${EVENT_ORACLE:-$(cd .. && pwd)/shared/oracle/pecl-event/event.so}"
cases=("$@"); [ ${#cases[@]} -gt 0 ] || cases=(io rearm batch nonblock)
N1=${N1:-20000}; N2=${N2:-60000}
count() { # side args case N -> instructions
  local out; out=$(mktemp)
  BENCH_N=$4 valgrind --tool=callgrind --callgrind-out-file="$out" php $2 benches/event_dispatch.php --case "$3" >/dev/null 2>&1
  callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'
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
    a=$(count "$name" "$args" "$c" "$N1"); b=$(count "$name" "$args" "$c" "$N2")
    line="$line  $name $(( (b - a) / (N2 - N1) )) instr/iteration"
  done
  echo "$line"
done
