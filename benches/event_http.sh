#!/usr/bin/env bash
# Server user-CPU per request: the EventBase responder on php-ipc (a), the
# same script on PECL event 3.1.5, the oracle (p), and the plain
# stream_select() responder (b); wrk (1 thread) at 50 and 1,000 connections.
# The three run alternately in one run (PECL is skipped, saying so, when
# ../shared/oracle/pecl-event/event.so or libevent is missing).
# Server pinned to CPU 0, wrk to CPU 1. The server reports its own
# getrusage() user time (µs precision) on SIGUSR1, before and after wrk. Alternates a/b, REPEAT times, prints
# medians and the ratio a/b of user-CPU µs per request.
#   bash benches/event_http.sh            (DURATION=4 REPEAT=3 by default)
set -uo pipefail
cd "$(dirname "$0")/.."
SO="$(pwd)/target/release/libphp_ipc.so"
DURATION=${DURATION:-4}; REPEAT=${REPEAT:-3}
PORT=${PORT:-$(php -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')}
ORACLE="${EVENT_ORACLE:-$(cd .. && pwd)/shared/oracle/pecl-event/event.so}"
PECL_ARGS="-d extension=sockets -d extension=posix -d extension=$ORACLE"
have_pecl=1
php -n $PECL_ARGS -r 'exit(class_exists("EventBase") ? 0 : 1);' 2>/dev/null || { have_pecl=0; echo "PECL event oracle absent ($ORACLE): comparing php-ipc with stream_select() only"; }
ulimit -n 20000 2>/dev/null || true
command -v wrk >/dev/null || { echo "event_http: needs wrk (WITH_BENCH_TOOLS=1 bash scripts/setup.sh)"; exit 1; }
# shellcheck source=../scripts/lib/procs.sh
. scripts/lib/procs.sh
server=
trap 'stop_group "$server"; rm -f /tmp/evb.$$.out /tmp/evb.$$.a /tmp/evb.$$.b /tmp/evb.$$.p' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
run_one() { # server-script conns [php-args] -> "rps p99_ms us_per_req"
  local script=$1 conns=$2 args=${3:--d extension=$SO} pid line out utime0 utime1 reqs
  setsid taskset -c 0 php -n $args "$script" $PORT > /tmp/evb.$$.out 2>&1 &
  pid=$!; server=$pid
  for _ in $(seq 50); do grep -q ready /tmp/evb.$$.out 2>/dev/null && break; sleep 0.1; done
  kill -USR1 $pid; sleep 0.2
  out=$(taskset -c 1 wrk -t1 -c"$conns" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/" 2>&1)
  kill -USR1 $pid; sleep 0.2
  utime0=$(grep '^utime' /tmp/evb.$$.out | sed -n 1p | awk '{print $2}')
  utime1=$(grep '^utime' /tmp/evb.$$.out | sed -n 2p | awk '{print $2}')
  stop_group "$pid"; server=
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  local rps p99 errs
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errs=$(echo "$out" | grep -c "Socket errors" || true)
  echo "$rps $p99 $(( (utime1 - utime0) * 1000 / (reqs > 0 ? reqs : 1) )) $errs"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for conns in 50 1000; do
  : > /tmp/evb.$$.a; : > /tmp/evb.$$.b; : > /tmp/evb.$$.p
  for i in $(seq "$REPEAT"); do
    run_one benches/http_event_server.php "$conns" >> /tmp/evb.$$.a
    [ "$have_pecl" = 1 ] && run_one benches/http_event_server.php "$conns" "$PECL_ARGS" >> /tmp/evb.$$.p
    run_one benches/http_select_server.php "$conns" >> /tmp/evb.$$.b
  done
  ks="a b"; [ "$have_pecl" = 1 ] && ks="a p b"
  for k in $ks; do
    f=/tmp/evb.$$.$k
    eval "rps_$k=\$(awk '{print \$1}' $f | median)"
    eval "p99_$k=\$(awk '{print \$2}' $f | sort | awk '{a[NR]=\$1} END {print a[int((NR+1)/2)]}')"
    eval "ns_$k=\$(awk '{print \$3}' $f | median)"
  done
  us() { awk -v n="$1" 'BEGIN {print n / 1000}'; }
  printf "c=%-5s (a) EventBase:    %9s req/s  p99 %-8s user-CPU %6.2f us/req\n" "$conns" "$rps_a" "$p99_a" "$(us "$ns_a")"
  [ "$have_pecl" = 1 ] && printf "c=%-5s (p) PECL event:   %9s req/s  p99 %-8s user-CPU %6.2f us/req\n" "$conns" "$rps_p" "$p99_p" "$(us "$ns_p")"
  printf "c=%-5s (b) stream_select: %8s req/s  p99 %-8s user-CPU %6.2f us/req\n" "$conns" "$rps_b" "$p99_b" "$(us "$ns_b")"
  [ "$have_pecl" = 1 ] && printf "c=%-5s PECL/php-ipc user-CPU per request: %.2f (above 1: php-ipc is faster)\n" "$conns" "$(awk -v a="$ns_a" -v p="$ns_p" 'BEGIN {print p / a}')"
  printf "c=%-5s ratio (a)/(b) user-CPU per request: %.2f\n" "$conns" "$(awk -v a="$ns_a" -v b="$ns_b" 'BEGIN {print a / b}')"
done
echo "note: stream_select() cannot watch descriptors >= 1024 (FD_SETSIZE): beyond ~1,000 connections only (a) works."
