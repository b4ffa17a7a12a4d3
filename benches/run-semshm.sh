#!/usr/bin/env bash
# sysvsem/sysvshm: native vs php-ipc, side by side in one run.
# Each case runs REPS times per implementation, alternating native and ours;
# prints the median ops/s of each and the ratio ours/native.
#   bash benches/run-semshm.sh [reps]       (QUICK=1: fewer iterations; CASES="int str1k": some cases)
set -uo pipefail
cd "$(dirname "$0")/.."
SO="$(pwd)/target/release/libphp_ipc.so"
[ -f "$SO" ] || cargo build --release --quiet
REPS=${1:-5}
NATIVE="php -n -d extension=sysvsem -d extension=sysvshm -d extension=posix"
OURS="php -n -d extension=$SO -d extension=posix"
scale=1; [ "${QUICK:-0}" = 1 ] && scale=5
cases=("sem:300000:sem_acquire+sem_release, uncontended"
       "sem2:200000:sem_acquire+sem_release, 2 processes"
       "int:3000000:shm_put_var+shm_get_var, int"
       "str1k:2000000:shm_put_var+shm_get_var, 1 KiB string"
       "arr100:100000:shm_put_var+shm_get_var, 100-element array"
       "has1000:300000:shm_has_var, 1000 variables stored"
       "seed:150:seed pattern: fork 2 + sem + counter (rounds)")
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf "%-52s %14s %14s %8s\n" "case" "native ops/s" "ours ops/s" "ratio"
for c in "${cases[@]}"; do
  IFS=: read -r name iters label <<< "$c"
  if [ -n "${CASES:-}" ]; then case " $CASES " in *" $name "*) ;; *) continue;; esac; fi
  iters=$((iters / scale))
  n=(); o=()
  for ((r = 0; r < REPS; r++)); do
    n+=("$($NATIVE benches/sysvsem_shm.php "$name" "$iters")")
    o+=("$($OURS benches/sysvsem_shm.php "$name" "$iters")")
  done
  mn=$(printf "%s\n" "${n[@]}" | median); mo=$(printf "%s\n" "${o[@]}" | median)
  printf "%-52s %14.0f %14.0f %8.2f\n" "$label" "$mn" "$mo" "$(awk -v a="$mo" -v b="$mn" 'BEGIN {print a / b}')"
done
