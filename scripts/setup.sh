#!/usr/bin/env bash
# Installs what building and testing php-ipc needs on Debian 12 (as root),
# then builds the extension. Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v php8.2 >/dev/null || need+=(php8.2-cli)
command -v php-config >/dev/null || need+=(php8.2-dev)
[ -e /usr/lib/x86_64-linux-gnu/libclang-14.so.1 ] || ls /usr/lib/llvm-14/lib/libclang*.so* >/dev/null 2>&1 || need+=(libclang1-14)
ls /usr/lib/llvm-14/lib/clang/*/include/stddef.h >/dev/null 2>&1 || need+=(libclang-common-14-dev)
if [ "${WITH_BENCH_TOOLS:-0}" = 1 ]; then
  command -v wrk >/dev/null || need+=(wrk)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing packages ${need[*]}; run as root or install them" >&2
    exit 1
  fi
  echo "setup: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
cargo build --release --quiet
echo "setup: built $(pwd)/target/release/libphp_ipc.so"
