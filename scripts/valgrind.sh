#!/usr/bin/env bash
# Memory check of php-ipc under valgrind memcheck (docs/testing.md):
#  1. phpt (php-tests/) with PHP's run-tests.php in its -m mode, which runs
#     each test with USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1;
#  2. the differential scripts (difftests/*/*.php), php-ipc side only, loaded
#     as scripts/difftest.sh loads it (php -n, our .so, plus the native module
#     of any group php-ipc does not provide), with the same descriptors.
# Errors: invalid reads/writes, uses of uninitialised values, bad frees,
# crashes, and "definitely lost" leaks (--errors-for-leak-kinds=definite) with
# our .so on the stack. What is suppressed and why: scripts/valgrind.supp.
#
#   scripts/valgrind.sh             VALGRIND_SET=full (default): every phpt and
#                                   every difftest (226 tests: 9 min on the
#                                   2-core VM at load 1-5, 21 min at load 5-10)
#   VALGRIND_SET=ci scripts/valgrind.sh
#                                   the CI subset below (CI_SET, 88 tests: 4 min
#                                   at load 1-3, 8 min at load 5-7), what .ci/run runs
#   scripts/valgrind.sh PATH...     given .phpt/.php files or folders
# VALGRIND_JOBS=2: tests run two at a time (phpt and difftests alike).
# Ends with one line "valgrind: N tests, N errors"; exits non-zero on errors.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SO="$ROOT/target/release/libphp_ipc.so"
SUPP="$ROOT/scripts/valgrind.supp"
JOBS=${VALGRIND_JOBS:-2}
command -v valgrind >/dev/null || {
  if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; fi
}
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)"; echo "valgrind: 0 tests, 1 errors"; exit 1; }
VALGRIND=$(command -v valgrind)
[ -f "$SO" ] || cargo build --release --quiet
RUNNER="$(php-config --extension-dir 2>/dev/null)/build/run-tests.php"
[ -f "$RUNNER" ] || RUNNER=/usr/lib/php/20220829/build/run-tests.php
[ -f "$RUNNER" ] || { echo "valgrind: run-tests.php not found (install php8.2-dev)"; echo "valgrind: 0 tests, 1 errors"; exit 1; }

# The CI subset (VALGRIND_SET=ci): every group, and every test that drives
# php-ipc's unsafe/FFI paths and object lifetimes: freed objects, GC cycles,
# fork, user serializers and handlers that run inside our functions, buffers,
# zval shapes, the randomised-argument difftests. What it leaves out is
# covered by the same code paths here (more argument spellings, reflection
# dumps, per-function posix/sockets phpt) and runs in the full set.
CI_SET=(
  # sysvmsg: serializer/unserializer callbacks, references, values, string
  # shapes and sizes, every argument at random
  php-tests/sysvmsg/msg_send_receive.phpt php-tests/sysvmsg/class.phpt
  difftests/sysvmsg/user_code_serialize.php difftests/sysvmsg/refs.php
  difftests/sysvmsg/values.php difftests/sysvmsg/string_shapes.php
  difftests/sysvmsg/flags_and_limits.php difftests/sysvmsg/random_args.php
  # sysvsem: fork (inherited holds, auto-release, a child outliving its
  # parent), handlers, random calls
  php-tests/sysvsem/fork_inherited_hold.phpt php-tests/sysvsem/sem_auto_release.phpt
  php-tests/sysvsem/fork_child_outlives_parent.phpt php-tests/sysvsem/sem_class.phpt
  difftests/sysvsem/user_code_handlers.php difftests/sysvsem/fork_and_undo.php
  difftests/sysvsem/fork_inherited.php difftests/sysvsem/randomized.php
  # sysvshm: the segment reader on crafted/corrupted bytes, user code detaching
  # the segment mid-serialize, arrays, segment bytes, random calls
  php-tests/sysvshm/corrupted_segment.phpt php-tests/sysvshm/shm_user_code_detaches.phpt
  php-tests/sysvshm/shm_put_get_var.phpt php-tests/sysvshm/shm_class.phpt
  difftests/sysvshm/crafted_data.php difftests/sysvshm/user_code_serialize.php
  difftests/sysvshm/array_values.php difftests/sysvshm/segment_bytes.php
  difftests/sysvshm/randomized.php
  # shmop: segments removed elsewhere, shared with native processes, fork
  php-tests/shmop/removed_elsewhere.phpt php-tests/shmop/cross_native.phpt
  difftests/shmop/basic_and_errors.php difftests/shmop/fork_and_modes.php
  # posix: buffers libc fills (passwd/group entries, group lists), user
  # handlers, random calls
  php-tests/posix/posix_getpwnam.phpt php-tests/posix/posix_getgrgid.phpt
  php-tests/posix/posix_getgroups.phpt difftests/posix/identity.php
  difftests/posix/user_code_handlers.php difftests/posix/nix_edges.php
  difftests/posix/random_args.php
  # sockets: cmsg/ancillary buffers, SCM_RIGHTS, fd_set above 1024 and with
  # 200 clients, option structs, addrinfo, stream import/export, random calls
  php-tests/sockets/scm_rights_socket.phpt php-tests/sockets/socket_recvmsg.phpt
  php-tests/sockets/socket_sendmsg.phpt php-tests/sockets/select_high_fd.phpt
  php-tests/sockets/socket_import_stream.phpt php-tests/sockets/socket_export_stream.phpt
  php-tests/sockets/lifecycle.phpt difftests/sockets/recvmsg_ancillary.php
  difftests/sockets/addrinfo_streams_msg.php difftests/sockets/multicast_options.php
  difftests/sockets/select_200_clients.php difftests/sockets/user_code_handlers.php
  difftests/sockets/random_args.php
  # event: freed objects, GC cycles, shutdown order, fork, buffers (huge
  # sizes, random operations), callbacks, native Socket objects, the
  # framework-style loops, random calls
  php-tests/event/freed_objects.phpt php-tests/event/gc_cycles.phpt
  php-tests/event/lifetime.phpt php-tests/event/callbacks.phpt
  php-tests/event/shutdown_destructor_loop.phpt php-tests/event/fork_without_reinit.phpt
  php-tests/event/buffer_chunks.phpt php-tests/event/buffer_read_sizes.phpt
  php-tests/event/native_sockets_deferred.phpt php-tests/event/signal.phpt
  php-tests/event/fuzz_args.phpt
  difftests/event/freed_base.php difftests/event/freed_event.php
  difftests/event/buffer_random.php difftests/event/buffer_io.php
  difftests/event/buffer_args.php difftests/event/object_handlers.php
  difftests/event/exceptions.php difftests/event/fork_reinit.php
  difftests/event/revolt_style_loop.php difftests/event/reactphp_style_loop.php
  difftests/event/random_args.php
  # event part 2/3: bufferevents (lifetimes, freed bases, GC, pairs, random
  # calls), listeners, the resolver (freed during a lookup), SSL contexts
  php-tests/event/bev_gc_cycles.phpt php-tests/event/bev_base_freed.phpt
  php-tests/event/listener_gc.phpt php-tests/event/listener_lifetime.phpt
  php-tests/event/dns_freed_lookup.phpt php-tests/event/ssl_better_than_pecl.phpt
  difftests/event/bev_lifetime.php difftests/event/bev_pair.php difftests/event/bev_random.php
  difftests/event/listener_random.php difftests/event/dns_resolve.php difftests/event/ssl_certs.php
  # evhttp: requests gone or answered twice, GC, malformed requests, TLS
  php-tests/event/http_request_gone.phpt php-tests/event/http_server_gc.phpt
  php-tests/event/http_server_better.phpt difftests/event/http_server_fuzz.php
  difftests/event/http_server_requests.php difftests/event/http_server_tls.php
  php-tests/event/http_client_better.phpt php-tests/event/http_client_reentry.phpt
  difftests/event/http_client_errors.php difftests/event/http_server_connection.php
  # TLS filters: bad records, nesting, lifetimes
  php-tests/event/ssl_filter_lifetime.phpt difftests/event/bev_tls_filter_bad.php
  difftests/event/bev_tls_filter_nested.php
  # Ipc\ classes: deferred handles, signals, timed waits
  php-tests/ipc/deferred.phpt php-tests/ipc/signals.phpt php-tests/ipc/sem_acquire_timeout.phpt
  # seeds: the user scripts with fork, shared memory and a fatal error
  php-tests/seeds/shm_counter.phpt php-tests/seeds/msg_queue.phpt
)

# Skipped under valgrind, each for a stated reason, printed when skipped
# (entries: "path|reason"; none today: docs/testing.md says what was fixed).
SKIP=()

paths=("$@")
set_name=paths
if [ ${#paths[@]} -eq 0 ]; then
  set_name=${VALGRIND_SET:-full}
  case "$set_name" in
    full) paths=(php-tests difftests) ;;
    ci) paths=("${CI_SET[@]}") ;;
    *) echo "valgrind: VALGRIND_SET must be ci or full, not '$set_name'"; echo "valgrind: 0 tests, 1 errors"; exit 1 ;;
  esac
fi

is_skipped() { # path -> 0 (and the reason on stdout) when listed in SKIP
  local s
  for s in ${SKIP[@]+"${SKIP[@]}"}; do [ "$1" = "${s%%|*}" ] && { echo "${s#*|}"; return 0; }; done
  return 1
}

phpts=(); diffs=()
for p in "${paths[@]}"; do
  p=${p%/}
  [ -e "$p" ] || { echo "valgrind: $p does not exist"; echo "valgrind: 0 tests, 1 errors"; exit 1; }
  while IFS= read -r f; do
    if why=$(is_skipped "$f"); then echo "skip: $f ($why)"; continue; fi
    case "$f" in
      *.phpt) phpts+=("$f") ;;
      difftests/*.php) diffs+=("$f") ;;
    esac
  done < <(if [ -d "$p" ]; then find "$p" \( -name '*.phpt' -o -path 'difftests/*/*.php' \) ! -path '*/lib/*' | sort; else echo "$p"; fi)
done
echo "valgrind: set $set_name, ${#phpts[@]} phpt and ${#diffs[@]} difftests, $JOBS at a time"

report=$(mktemp -d); trap 'rm -rf "$report"' EXIT
# --vgdb=no: no gdbserver FIFOs in /tmp (a child that changed its uid could
# not unlink them and valgrind logged that as a message).
# --trace-children-skip-by-arg: child processes that load the native
# extensions or PECL event are the oracle, not php-ipc; they run unchecked.
VG_OPTS="--suppressions=$SUPP --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite"
VG_OPTS="$VG_OPTS --num-callers=40 --vgdb=no"
VG_OPTS="$VG_OPTS --trace-children-skip-by-arg=extension=sysvmsg,extension=sysvsem,extension=sysvshm,extension=posix,extension=sockets,extension=shmop,*pecl-event*"

# Reads valgrind logs, one per process, and prints the records that are
# errors of php-ipc, then "#errors N". A "definitely lost" block is ours when
# our .so is on its allocation stack, except a PHP object from
# zend_objects_new (stdClass or a user class, e.g. made by the unserializer
# php-ipc calls): PHP itself reports an object that a userland reference
# cycle keeps alive until shutdown as lost under USE_ZEND_ALLOC=0, natively
# too (docs/testing.md). Objects of php-ipc's own classes (allocated by our
# create_object) count. Valgrind's own warnings are not errors.
# A process ended by a signal a test sends on purpose (TERM, KILL, INT, ...)
# is not an error, and its leak records do not count: it never ran PHP's
# shutdown, so all it held is "lost"; a record cut short by a later SIGKILL
# (the prefork seed's workers get TERM, then KILL) is not judged either.
# A crash signal is an error. A "fishy" (huge) size asked of the engine's
# allocator is a script's size argument reaching it as natively
# (socket_recv(..., PHP_INT_MAX)): with ZendMM it is PHP's memory-limit error,
# with USE_ZEND_ALLOC=0 a failed malloc() and the same fatal error.
triage() {
  awk '
    function flush(cut,  bad) {
      if (rec == "") return
      if (head ~ /Process terminating with default action of signal/) {
        bad = (head ~ /SIGSEGV|SIGBUS|SIGABRT|SIGILL|SIGFPE|SIGSYS/)
        if (!bad) killed = 1
      }
      else if (killed && (cut || head ~ /definitely lost/)) bad = 0
      else if (head ~ /definitely lost/) bad = (ENVIRON["VG_FATAL_EXIT"] != "1" && rec ~ /libphp_ipc\.so/ && rec !~ /: zend_objects_new \(/)
      else if (head ~ /(indirectly|possibly) lost|still reachable|Warning:|WARNING: valgrind ignores|could not unlink/) bad = 0
      else if (head ~ /has a fishy/ && rec ~ /__zend_(malloc|realloc|calloc)/) bad = 0
      else bad = 1
      if (bad) { n++; printf "%s", rec }
      rec = ""; head = ""
    }
    FNR == 1 { flush(1); killed = 0 }
    /^==[0-9]+== *$/ { flush(0); next }
    { if (rec == "") head = $0; rec = rec $0 "\n" }
    END { flush(1); print "#errors " n + 0 }
  ' "$@"
}
# Prints the triage of the given logs (indented, cut) and returns their error count.
show_errors() {
  local out count
  out=$(triage "$@")
  count=$(echo "$out" | sed -n 's/^#errors //p')
  echo "$out" | grep -v '^#errors ' | sed 's/^/    /' | head -"${VALGRIND_LOG_LINES:-80}"
  return $(( count > 0 ? 1 : 0 ))
}
tests=0; errors=0; start=$(date +%s)

# PCRE's JIT is off (pcre.jit=0) in the checked processes: valgrind cannot
# follow JIT-compiled code and reports "uninitialised value" in its ???
# frames. php-ipc does not use PCRE; the tests' own preg_* calls run in the
# interpreter instead.

# 1. phpt through run-tests.php -m. It wraps each test in
#    `valgrind -q --tool=memcheck --trace-children=yes --log-file=<test>.mem`;
#    VALGRIND_OPTS adds our options to that command line (and to any child
#    php a test starts, which inherits the environment). run-tests finds
#    "valgrind" on PATH: a wrapper first on PATH gives every process its own
#    log, <test>.mem.<pid> (and leaves <test>.mem empty for run-tests,
#    which stats it). With one file for all, each php a test starts
#    (the prefork seed, the cross-process tests' children) reopened it,
#    truncating it, and wrote over the test's own records at its own offset.
#    The wrapper also drops --vex-iropt-register-updates=allregs-at-mem-access,
#    which only phpdbg's watchpoint tests need and which slows every test.
if [ ${#phpts[@]} -gt 0 ]; then
  mkdir -p "$report/bin"
  cat > "$report/bin/valgrind" <<EOF
#!/usr/bin/env bash
args=()
for a in "\$@"; do
  case "\$a" in
    --log-file=*) args+=("\$a.%p"); : > "\${a#--log-file=}" ;;
    --vex-iropt-register-updates=*) ;;
    *) args+=("\$a") ;;
  esac
done
exec "$VALGRIND" "\${args[@]}"
EOF
  chmod +x "$report/bin/valgrind"
  log="$report/phpt.log"
  t0=$(date +%s)
  # Only the logs of the tests run here (another run may use other tests' logs).
  remove_logs() { local t; for t in "${phpts[@]}"; do rm -f "${t%.phpt}.mem" "${t%.phpt}".mem.*; done; }
  remove_logs
  PATH="$report/bin:$PATH" NO_INTERACTION=1 TEST_PHP_EXECUTABLE="$(command -v php)" TEST_PHP_SRCDIR="$ROOT" VALGRIND_OPTS="$VG_OPTS" \
    php -n "$RUNNER" -m -n -d extension="$SO" -d pcre.jit=0 -q --show-slow "${VALGRIND_SLOW_MS:-30000}" -j"$JOBS" "${phpts[@]}" > "$log" 2>&1
  n=$(sed -n 's/^Number of tests *: *\([0-9]*\).*/\1/p' "$log")
  tests=$((tests + ${n:-0}))
  [ -n "$n" ] || { errors=$((errors + 1)); echo "phpt: no summary from run-tests.php"; tail -20 "$log"; }
  for t in "${phpts[@]}"; do
    mems=$(find "$(dirname "$t")" -maxdepth 1 -name "$(basename "${t%.phpt}").mem.*" -size +0 | sort)
    if [ -n "$mems" ] && ! show_errors $mems > "$report/err"; then
      errors=$((errors + 1)); echo "ERROR $t"; cat "$report/err"
    fi
  done
  # A test whose output differs under valgrind is listed (a crash shows as
  # one, and is counted above from its log); timing-dependent differences
  # are not memory errors.
  # (run-tests colours its result words and ends progress lines with \r.)
  sed 's/\x1b\[[0-9;]*m//g' "$log" | tr '\r' '\n' | grep -E '^(FAIL|BORK)[[:space:]]' | sed 's/^/note: output differs under valgrind: /'
  sed -n '/^SLOW TEST SUMMARY/,/^=====/p' "$log" | grep -E '^\(' | sort -u | sort -k1.2nr | sed 's/^/slow: /' | head -"${VALGRIND_SLOW_LINES:-15}"
  [ "${VALGRIND_KEEP_LOGS:-0}" = 1 ] || remove_logs
  echo "valgrind: phpt part $(( $(date +%s) - t0 ))s"
fi

# 2. difftests, php-ipc side, with the descriptors scripts/difftest.sh gives
#    them: inherited descriptors closed, and valgrind's log on a high fd
#    (--log-fd). With --log-file, valgrind 3.19 leaves the log file open in
#    the checked process at its lowest free descriptor (3), so every socket a
#    script opens got a number one higher than under difftest.sh; scripts
#    that name descriptors by number (event/random_args.php) then did
#    something else. The shared log is split into one log per process (%p:
#    forks and child php processes) by the "==PID==" prefix of its lines.
if [ ${#diffs[@]} -gt 0 ]; then
  t0=$(date +%s)
  ours_groups=$(php -n -d extension="$SO" -r 'foreach (["sysvmsg","sysvsem","sysvshm","posix","sockets","shmop"] as $g) if (extension_loaded($g)) echo "$g ";')
  OURS="-d extension=$SO"
  for g in sysvmsg sysvsem sysvshm posix sockets shmop; do
    case " $ours_groups " in *" $g "*) ;; *) OURS="$OURS -d extension=$g";; esac
  done
  soft=$(ulimit -n)
  LOG_FD=1000; [ "$soft" -gt 1100 ] 2>/dev/null || LOG_FD=$((soft - 24))
  # run_diff N FILE: checks one difftest in $report/d<N>; leaves there
  # "result" (0 or 1 errors) and "msg" (what to print).
  run_diff() {
    local i=$1 f=$2 work="$report/d$1" rc t0 logs fatal
    mkdir -p "$work/logs" "$work/run"; cp "$f" "$work/run/t.php"
    for d in difftests/lib "$(dirname "$f")/lib"; do
      [ -d "$d" ] && mkdir -p "$work/run/lib" && cp -r "$d/." "$work/run/lib/"
    done
    t0=$(date +%s)
    # (The group's 2>/dev/null only hides bash's "Alarm clock" job notice.)
    { (cd "$work/run" && {
        for p in /proc/$BASHPID/fd/*; do n="${p##*/}"; if [ "$n" -gt 2 ] 2>/dev/null; then eval "exec $n>&-" 2>/dev/null; fi; done
        for v in $(env | sed -n 's/^\(EVENT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
        eval "exec $LOG_FD>>\"\$work/vg.log\""
        USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1 timeout "${VALGRIND_TIMEOUT:-600}" \
          "$VALGRIND" -q --trace-children=yes --error-exitcode=97 $VG_OPTS --log-fd=$LOG_FD \
          php -n -d pcre.jit=0 $OURS t.php </dev/null >"$work/out" 2>&1
      }); } 2>/dev/null
    # 97: valgrind saw errors (--error-exitcode); the triage below says
    # whether any is php-ipc's.
    rc=$?
    [ -f "$work/vg.log" ] && awk -v d="$work/logs" 'match($0, /^==[0-9]+==/) { f = d "/" substr($0, 3, RLENGTH - 4) ".log"; print > f }' "$work/vg.log"
    {
      [ "${VERBOSE:-0}" = 1 ] && echo "$f: exit $rc, $(( $(date +%s) - t0 ))s"
      logs=$(find "$work/logs" -type f -size +0 | sort)
      # A script that ends in a PHP fatal error (E_ERROR: the engine bails out)
      # leaks by design: the engine frees no objects after a bailout, and Rust
      # frames it longjmps over never drop their heap. So does one that ends in
      # "Out of memory" (a huge size a script asks for on purpose: without
      # ZendMM, malloc() fails and PHP exits at once, natively too). Their leak
      # records are not counted; every other kind of error still is.
      fatal=0; grep -q -e 'Fatal error: ' -e '^Out of memory' "$work/out" && fatal=1
      if { [ -n "$logs" ] && ! VG_FATAL_EXIT=$fatal show_errors $logs > "$work/err"; } || [ $rc = 124 ]; then
        echo 1 > "$work/result"
        echo "ERROR $f (exit $rc)"; cat "$work/err" 2>/dev/null
        [ $rc = 124 ] && echo "    timed out after ${VALGRIND_TIMEOUT:-600}s"
      else
        echo 0 > "$work/result"
      fi
      # 142: the script's own pcntl_alarm() ended it (valgrind runs it ~20x slower).
      [ $rc = 142 ] && echo "note: $f stopped by its own alarm under valgrind (checked up to there)"
      [ $(( $(date +%s) - t0 )) -ge "${VALGRIND_SLOW_S:-60}" ] && echo "slow: ($(( $(date +%s) - t0 )) s) $f"
    } > "$work/msg"
    rm -rf "$work/run" "$work/logs" "$work/vg.log"
  }
  i=0; running=0
  for f in "${diffs[@]}"; do
    i=$((i + 1))
    run_diff "$i" "$f" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
  done
  wait
  for ((k = 1; k <= i; k++)); do
    tests=$((tests + 1))
    cat "$report/d$k/msg" 2>/dev/null
    r=$(cat "$report/d$k/result" 2>/dev/null || echo 1)
    [ "$r" = 0 ] || { errors=$((errors + 1)); [ -f "$report/d$k/result" ] || echo "ERROR ${diffs[$((k - 1))]}: no result"; }
  done
  echo "valgrind: difftest part $(( $(date +%s) - t0 ))s"
fi

echo "valgrind: wall time $(( $(date +%s) - start ))s"
echo "valgrind: $tests tests, $errors errors"
[ "$errors" -eq 0 ]
