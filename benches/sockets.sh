#!/usr/bin/env bash
# Native ext/sockets vs php-ipc, in one run: runs alternate, each case is
# repeated, medians and the ratio (ours / native, higher is better) printed.
#   benches/sockets.sh [repeats]
set -uo pipefail
cd "$(dirname "$0")/.."
SO="$(pwd)/target/release/libphp_ipc.so"
REP=${1:-7}
NATIVE="-n -d extension=sockets"
OURS="-n -d extension=$SO"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
run_case() { # label mode arg unit
  local label=$1 mode=$2 arg=$3 unit=$4 n=() o=()
  for ((i = 0; i < REP; i++)); do
    n+=("$(php $NATIVE benches/sockets_bench.php "$mode" "$arg")")
    o+=("$(php $OURS benches/sockets_bench.php "$mode" "$arg")")
  done
  local mn mo
  mn=$(printf '%s\n' "${n[@]}" | median); mo=$(printf '%s\n' "${o[@]}" | median)
  printf '%-44s native %10s  ours %10s  %s  ratio %.2f\n' "$label" "$mn" "$mo" "$unit" "$(awk -v a="$mo" -v b="$mn" 'BEGIN {print a / b}')"
}
echo "sockets benchmark, $REP alternating runs each, medians (PHP $(php -r 'echo PHP_VERSION;'))"
run_case "connect+write+read+close on 127.0.0.1" rtt 5000 "round trips/s"
run_case "1 MB transfers, socket_write/socket_read" stream 1000 "MB/s"
