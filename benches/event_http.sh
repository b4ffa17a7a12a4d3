#!/usr/bin/env bash
# Server user-CPU per request of one HTTP/1.1 keep-alive responder written
# three ways, under wrk (1 thread) at 50 and 1,000 connections, then the C10K
# RSS growth of the two event styles:
#   event/ours  benches/http_event_server.php (EventBase + Event) on php-ipc
#   event/PECL  the same script on PECL event 3.1.5, the oracle
#   bev/ours    benches/http_bev_server.php (EventListener + EventBufferEvent) on php-ipc
#   bev/PECL    the same script on PECL
#   evhttp/ours benches/http_evhttp_server.php (EventHttp, a hello-world default callback) on php-ipc
#   evhttp/PECL the same script on PECL (libevent's evhttp)
#   select      benches/http_select_server.php (plain stream_select())
# They run alternately in one run, REPEAT rounds, and the script prints
# medians and ratios. A server that cannot run says so in its row (PECL when
# ../shared/oracle/pecl-event/event.so or libevent is missing; bev/ours while
# php-ipc has no EventListener/EventBufferEvent, evhttp/ours while it has no
# EventHttp) and the others still run.
# Server pinned to CPU 0, wrk to CPU 1. Each server reports its own getrusage()
# user time (µs) on SIGUSR1, before and after wrk. That user/system split is
# sampled at each timer tick on this kernel (CONFIG_TICK_CPU_ACCOUNTING), so it
# is noisy over a few seconds; the total CPU column (user+system, from the
# scheduler's own count in /proc/PID/schedstat, in ns) is exact.
# The goals (issue 10): bev/ours user-CPU per request at most 1.2 times
# select's, and bev/ours C10K RSS growth at most half of bev/PECL's.
#   bash benches/event_http.sh     (DURATION=4 REPEAT=3 C10K_N=10000 by default;
#                                   SERVERS="eo ep bo bp ho hp ss" picks servers; C10K=0 skips C10K)
set -uo pipefail
cd "$(dirname "$0")/.."
SO="$(pwd)/target/release/libphp_ipc.so"
DURATION=${DURATION:-4}; REPEAT=${REPEAT:-3}; C10K=${C10K:-1}; C10K_N=${C10K_N:-10000}
SERVERS=${SERVERS:-eo ep bo bp ho hp ss}
PORT=${PORT:-$(php -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')}
ORACLE="${EVENT_ORACLE:-$(cd .. && pwd)/shared/oracle/pecl-event/event.so}"
OURS_ARGS="-d extension=$SO"
PECL_ARGS="-d extension=sockets -d extension=posix -d extension=$ORACLE"
ulimit -n 20000 2>/dev/null || true
command -v wrk >/dev/null || { echo "event_http: needs wrk (bash scripts/setup.sh installs it)"; exit 1; }
[ -f "$SO" ] || { echo "event_http: $SO missing (cargo build --release)"; exit 1; }
# shellcheck source=../scripts/lib/procs.sh
. scripts/lib/procs.sh

declare -A NAME=([eo]="event/ours" [ep]="event/PECL" [bo]="bev/ours" [bp]="bev/PECL" [ho]="evhttp/ours"
  [hp]="evhttp/PECL" [ss]="select")
declare -A SCRIPT=([eo]=benches/http_event_server.php [ep]=benches/http_event_server.php
  [bo]=benches/http_bev_server.php [bp]=benches/http_bev_server.php
  [ho]=benches/http_evhttp_server.php [hp]=benches/http_evhttp_server.php [ss]=benches/http_select_server.php)
declare -A ARGS=([eo]="$OURS_ARGS" [ep]="$PECL_ARGS" [bo]="$OURS_ARGS" [bp]="$PECL_ARGS" [ho]="$OURS_ARGS"
  [hp]="$PECL_ARGS" [ss]="$OURS_ARGS")
declare -A STYLE=([eo]=event [ep]=event [bo]=bev [bp]=bev)
declare -A MISSING=()   # key -> why it cannot run
if ! php -n $PECL_ARGS -r 'exit(class_exists("EventBase") ? 0 : 1);' >/dev/null 2>&1; then
  MISSING[ep]="PECL event oracle absent ($ORACLE)"; MISSING[bp]=${MISSING[ep]}; MISSING[hp]=${MISSING[ep]}
fi
if ! php -n $OURS_ARGS -r 'exit(class_exists("EventListener") && class_exists("EventBufferEvent") ? 0 : 1);' >/dev/null 2>&1; then
  MISSING[bo]="php-ipc has no EventListener/EventBufferEvent yet"
fi
if ! php -n $OURS_ARGS -r 'exit(class_exists("EventHttp") ? 0 : 1);' >/dev/null 2>&1; then
  MISSING[ho]="php-ipc has no EventHttp yet"
fi

# A name of its own: generic /tmp/tmp.* directories get swept by other jobs on a shared machine.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/event_http.XXXXXX")
server=
trap 'stop_group "$server"; rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

run_one() { # key conns -> "rps p99 user_ns_per_req socket_error_lines cpu_ns_per_req"
  local key=$1 conns=$2 pid out utime0 utime1 cpu0 cpu1 reqs rps p99 errs
  # shellcheck disable=SC2086
  setsid taskset -c 0 php -n ${ARGS[$key]} "${SCRIPT[$key]}" "$PORT" > "$tmp/server.out" 2>&1 &
  pid=$!; server=$pid
  for _ in $(seq 50); do grep -q ready "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
  if ! grep -q ready "$tmp/server.out" 2>/dev/null; then
    # SIGUSR1 before its handler is installed would kill it: give up on this run.
    echo "event_http: ${NAME[$key]} c=$conns not ready in 5 s: $(head -c 300 "$tmp/server.out" 2>/dev/null)" >&2
    stop_group "$pid"; server=
    return
  fi
  kill -USR1 $pid; sleep 0.2
  cpu0=$(awk '{print $1}' "/proc/$pid/schedstat" 2>/dev/null)
  out=$(taskset -c 1 wrk -t1 -c"$conns" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/" 2>&1)
  cpu1=$(awk '{print $1}' "/proc/$pid/schedstat" 2>/dev/null)
  kill -USR1 $pid; sleep 0.2
  utime0=$(grep '^utime' "$tmp/server.out" | sed -n 1p | awk '{print $2}')
  utime1=$(grep '^utime' "$tmp/server.out" | sed -n 2p | awk '{print $2}')
  stop_group "$pid"; server=
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errs=$(echo "$out" | grep -c "Socket errors" || true)
  if [ -z "$utime0" ] || [ -z "$utime1" ] || [ -z "$reqs" ] || [ "$reqs" = 0 ]; then
    echo "event_http: ${NAME[$key]} c=$conns gave no figures: $(head -c 300 "$tmp/server.out")" >&2
    return
  fi
  echo "${rps:-0} ${p99:-?} $(( (utime1 - utime0) * 1000 / reqs )) $errs $(( (${cpu1:-0} - ${cpu0:-0}) / reqs ))"
}
errlines() { if [ -s "$tmp/$1" ]; then awk '{s+=$4} END {print s}' "$tmp/$1"; else echo n/a; fi; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
# ratio A B: A/B with two decimals, or n/a when either is missing.
ratio() { if [ -n "$1" ] && [ -n "$2" ] && [ "$2" != 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; else echo n/a; fi; }
goal() { # value limit -> " (met)" / " (not met)" / ""
  [ "$1" = n/a ] && return
  awk -v v="$1" -v l="$2" 'BEGIN {print (v <= l) ? " (met)" : " (not met)"}'
}

declare -A RPS P99 NS CPU
for conns in 50 1000; do
  for k in $SERVERS; do : > "$tmp/$k"; done
  for _ in $(seq "$REPEAT"); do
    for k in $SERVERS; do
      [ -n "${MISSING[$k]:-}" ] && continue
      run_one "$k" "$conns" >> "$tmp/$k"
    done
  done
  for k in $SERVERS; do
    RPS[$k]=$(awk '{print $1}' "$tmp/$k" | median)
    P99[$k]=$(awk '{print $2}' "$tmp/$k" | sort | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}')
    NS[$k]=$(awk '{print $3}' "$tmp/$k" | median)
    CPU[$k]=$(awk '{print $5}' "$tmp/$k" | median)
    if [ -n "${MISSING[$k]:-}" ]; then
      printf "c=%-5s %-11s n/a: %s\n" "$conns" "${NAME[$k]}" "${MISSING[$k]}"
    elif [ -z "${NS[$k]}" ]; then
      printf "c=%-5s %-11s n/a: no run gave figures (see above)\n" "$conns" "${NAME[$k]}"
    else
      printf "c=%-5s %-11s %9s req/s  p99 %-8s user-CPU %6.2f us/req  total CPU %6.2f us/req\n" "$conns" "${NAME[$k]}" \
        "${RPS[$k]}" "${P99[$k]}" "$(awk -v n="${NS[$k]}" 'BEGIN {print n / 1000}')" "$(awk -v n="${CPU[$k]}" 'BEGIN {print n / 1000}')"
    fi
  done
  r_bo_ss=$(ratio "${NS[bo]:-}" "${NS[ss]:-}")
  printf "c=%-5s user-CPU per request: bev/ours / select %s%s (goal <= 1.2); bev/PECL / select %s; bev/PECL / bev/ours %s\n" \
    "$conns" "$r_bo_ss" "$(goal "$r_bo_ss" 1.2)" "$(ratio "${NS[bp]:-}" "${NS[ss]:-}")" "$(ratio "${NS[bp]:-}" "${NS[bo]:-}")"
  printf "c=%-5s user-CPU per request: event/ours / select %s; event/PECL / select %s; event/PECL / event/ours %s\n" \
    "$conns" "$(ratio "${NS[eo]:-}" "${NS[ss]:-}")" "$(ratio "${NS[ep]:-}" "${NS[ss]:-}")" "$(ratio "${NS[ep]:-}" "${NS[eo]:-}")"
  printf "c=%-5s total CPU per request: bev/ours / select %s; bev/PECL / select %s; event/ours / select %s; event/PECL / select %s\n" \
    "$conns" "$(ratio "${CPU[bo]:-}" "${CPU[ss]:-}")" "$(ratio "${CPU[bp]:-}" "${CPU[ss]:-}")" "$(ratio "${CPU[eo]:-}" "${CPU[ss]:-}")" \
    "$(ratio "${CPU[ep]:-}" "${CPU[ss]:-}")"
  printf "c=%-5s evhttp: user-CPU per request evhttp/ours / evhttp/PECL %s, total CPU %s; evhttp/ours / select %s; socket-error lines ours %s, PECL %s\n" \
    "$conns" "$(ratio "${NS[ho]:-}" "${NS[hp]:-}")" "$(ratio "${CPU[ho]:-}" "${CPU[hp]:-}")" "$(ratio "${NS[ho]:-}" "${NS[ss]:-}")" \
    "$(errlines ho)" "$(errlines hp)"
done
echo "note: stream_select() cannot watch descriptors >= 1024 (FD_SETSIZE): beyond ~1,000 connections only the event servers work."

[ "$C10K" = 0 ] && exit 0
# C10K: C10K_N connections held open at once by one server, each served once
# (benches/event_c10k.php); the server's RSS before and at the peak.
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((C10K_N + 100)) ]; then
  echo "C10K skipped: needs ulimit -n >= $((C10K_N + 100)), have $(ulimit -n)"; exit 0
fi
declare -A GROWTH BEFORE PEAK
ckeys=""; for k in $SERVERS; do [ -n "${STYLE[$k]:-}" ] && ckeys="$ckeys $k"; done
for k in $ckeys; do : > "$tmp/c10k.$k"; done
for _ in $(seq "$REPEAT"); do
  for k in $ckeys; do
    [ -n "${MISSING[$k]:-}" ] && continue
    # shellcheck disable=SC2086
    line=$(timeout 150 php -n ${ARGS[$k]} benches/event_c10k.php "$C10K_N" "${STYLE[$k]}" 2>&1 | grep '^c10k:')
    if [[ "$line" =~ served=$C10K_N\ clients_replied=$C10K_N\ .*rss_before=([0-9.]+)MB\ peak_rss=([0-9.]+)MB\ growth=([0-9.]+)MB ]]; then
      echo "${BASH_REMATCH[3]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}" >> "$tmp/c10k.$k"
    else
      echo "event_http: C10K ${NAME[$k]} failed: ${line:-no output}" >&2
    fi
  done
done
echo "C10K: $C10K_N connections held at once, server RSS (medians of $REPEAT):"
for k in $ckeys; do
  GROWTH[$k]=$(awk '{print $1}' "$tmp/c10k.$k" | median)
  BEFORE[$k]=$(awk '{print $2}' "$tmp/c10k.$k" | median)
  PEAK[$k]=$(awk '{print $3}' "$tmp/c10k.$k" | median)
  if [ -n "${MISSING[$k]:-}" ]; then printf "  %-11s n/a: %s\n" "${NAME[$k]}" "${MISSING[$k]}"
  elif [ -z "${GROWTH[$k]}" ]; then printf "  %-11s n/a: no run completed (see above)\n" "${NAME[$k]}"
  else printf "  %-11s %5s -> %5s MB, growth %5s MB (runs: %s)\n" "${NAME[$k]}" "${BEFORE[$k]}" "${PEAK[$k]}" "${GROWTH[$k]}" \
    "$(awk '{printf "%s%s", (NR > 1 ? " " : ""), $1}' "$tmp/c10k.$k")"
  fi
done
r_c=$(ratio "${GROWTH[bo]:-}" "${GROWTH[bp]:-}")
printf "  growth bev/ours / bev/PECL %s%s (goal <= 0.5); event/ours / event/PECL %s\n" "$r_c" "$(goal "$r_c" 0.5)" \
  "$(ratio "${GROWTH[eo]:-}" "${GROWTH[ep]:-}")"
