#!/usr/bin/env bash
# sysvmsg: php-ipc vs native ext/sysvmsg, side by side.
cd "$(dirname "$0")/.."
SO="$(pwd)/target/release/libphp_ipc.so"
[ -f "$SO" ] || cargo build --release --quiet
php -n benches/run.php benches/sysvmsg_bench.php "$SO" sysvmsg \
  small:200000 small-raw:200000 4k:100000 4k-raw:100000 array:100000 pingpong:50000
