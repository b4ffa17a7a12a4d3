#!/usr/bin/env bash
# Runs the README's two commands, as a new user would, on a fresh minimal
# Debian (debootstrap --variant=minbase, plus gcc: "Rust and a C compiler"),
# then builds the Debian package there and checks it:
#   1. bash scripts/main.sh
#   2. bash scripts/test.sh
#   3. bash scripts/package.sh
#   4. apt-get install ./target/debian/php-ipc_*.deb
#   5. php -m lists ipc, without any warning
#   6. the seeds under php -n -d extension=ipc (the installed ipc.so)
#   7. apt-get purge php-ipc removes it again (php -m no longer lists ipc)
# The host's Rust (~/.cargo, ~/.rustup read-only) is bind-mounted; ~/.cargo
# stays writable so crates and cargo-deb are downloaded once and cached.
# ../shared (the oracle material), when present, is bind-mounted read-only at
# the same relative place, so the tests that use it run instead of skipping.
#
# Everything runs in private mount, IPC and PID namespaces (unshare): the
# mounts vanish with the namespace whatever happens, every process the checks
# start dies with it, and test.sh's leaked-IPC check sees only its own objects.
# The network is the host's (apt and crates.io are needed), so the prefork
# seed needs 127.0.0.1:9999 free on the host.
#
# Usage (as root):  bash scripts/fresh-check.sh
# Environment:
#   FRESH_CACHE=/var/cache/php-ipc   where the pristine root is kept (built once, ~3 min)
#   FRESH_SUITE=bookworm             Debian release to check (only bookworm is tried so far)
#   FRESH_MIRROR=URL                 Debian archive (default: the host's apt configuration)
#   FRESH_TIMEOUT=4800               bound on the whole run, seconds
#   FRESH_REFRESH=1                  rebuild the pristine root
#   FRESH_KEEP=1                     keep the run's root (path printed) for inspection
#   FRESH_ONLY="main test package"   run only these parts (package = steps 3-7)
# Ends with one line: "fresh-check: N passed, N failed".
set -uo pipefail

# --- inside the private namespaces: mount, chroot, unmount -------------------
if [ "${1:-}" = --inside ]; then
  root=$2 shared=$3 only=$4
  mounted=()
  unmount_all() {
    local i m
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
      m=${mounted[$i]}
      umount -R "$m" 2>/dev/null || umount -R -l "$m" 2>/dev/null || echo "fresh-check: could not unmount $m" >&2
    done
    mounted=()
  }
  trap unmount_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  bind() { # source target [ro]
    mkdir -p "$2" && mount --rbind "$1" "$2" && mounted+=("$2") || return 1
    mount --make-rslave "$2"
    if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$2" || return 1; fi
  }
  mount -t proc proc "$root/proc" && mounted+=("$root/proc") || exit 1
  bind /sys "$root/sys" || exit 1
  bind /dev "$root/dev" || exit 1
  bind "$HOME/.cargo" "$root/root/.cargo" || exit 1
  bind "$HOME/.rustup" "$root/root/.rustup" ro || exit 1
  if [ -n "$shared" ]; then bind "$shared" "$root/build/shared" ro || exit 1; fi
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
    PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    CARGO_TARGET_DIR=/build/php-ipc/target FRESH_ONLY="$only" \
    /bin/bash /build/fresh-inner.sh
  exit $?
fi

# --- on the host ---------------------------------------------------------------
cd "$(dirname "$0")/.."
repo=$(pwd -P)
start=$(date +%s)
CACHE=${FRESH_CACHE:-/var/cache/php-ipc}
SUITE=${FRESH_SUITE:-bookworm}
# shellcheck disable=SC1091
. "$repo/scripts/lib/apt-mirror.sh"
MIRROR=${FRESH_MIRROR:-$(apt_mirror)}
SECURITY_MIRROR=$(apt_security_mirror)
pristine="$CACHE/fresh-$SUITE"
say() { echo "fresh-check: $*"; }
root=
give_up() { say "$*"; trap - EXIT; cleanup; echo "fresh-check: 0 passed, 1 failed"; exit 1; }

[ "$(id -u)" = 0 ] || give_up "must run as root (debootstrap, chroot, mounts)"
for tool in unshare chroot timeout; do command -v $tool >/dev/null || give_up "$tool missing on the host"; done
[ -x "$HOME/.cargo/bin/cargo" ] && [ -d "$HOME/.rustup" ] || give_up "no rustup Rust in $HOME/.cargo and $HOME/.rustup"
if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap on the host"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; } ||
    give_up "could not install debootstrap"
fi

if [ "${FRESH_REFRESH:-0}" = 1 ]; then rm -rf --one-file-system "$pristine"; fi
if [ ! -d "$pristine" ]; then
  say "creating the pristine $SUITE minbase root in $pristine (once)"
  mkdir -p "$CACHE"
  tmp_pristine="$pristine.tmp.$$"
  rm -rf --one-file-system "$tmp_pristine"
  if ! timeout 1200 debootstrap --variant=minbase --include=gcc,libc6-dev "$SUITE" "$tmp_pristine" ${MIRROR:+"$MIRROR"} \
      > "$CACHE/debootstrap-$SUITE.log" 2>&1; then
    rm -rf --one-file-system "$tmp_pristine"
    give_up "debootstrap failed (see $CACHE/debootstrap-$SUITE.log)"
  fi
  mv "$tmp_pristine" "$pristine"
fi

cleanup() {
  local m
  [ -n "$root" ] && [ -d "$root" ] || return 0
  # Mounts live in the private namespace and vanish with it; this only
  # catches what a broken unshare could have left in ours.
  while read -r m; do umount -R "$m" 2>/dev/null || umount -R -l "$m" 2>/dev/null; done \
    < <(awk -v r="$root/" 'index($5, r) == 1 {print $5}' /proc/self/mountinfo | sort -r)
  if awk -v r="$root/" 'index($5, r) == 1 {found=1} END {exit !found}' /proc/self/mountinfo; then
    say "mounts still under $root; not deleting it"
  elif [ "${FRESH_KEEP:-0}" = 1 ]; then
    say "kept $root"
  else
    rm -rf --one-file-system "$root"
  fi
}
root=$(mktemp -d /var/tmp/php-ipc-fresh.XXXXXX)
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cp -a "$pristine/." "$root/" || give_up "could not copy the pristine root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A Debian machine or container resolves localhost through /etc/hosts (debootstrap writes none).
[ -s "$root/etc/hosts" ] || cp /etc/hosts "$root/etc/hosts"
# A real Debian install has the updates and security suites too.
case "$SUITE" in
  bookworm | trixie)
    if [ -n "$MIRROR" ]; then
      { echo "deb $MIRROR $SUITE main"; echo "deb $MIRROR $SUITE-updates main"
        [ -n "$SECURITY_MIRROR" ] && echo "deb $SECURITY_MIRROR $SUITE-security main"; } > "$root/etc/apt/sources.list"
    fi ;;
esac

# The tree as it is now (tracked and untracked files, without target/ and .git).
mkdir -p "$root/build/php-ipc"
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$repo" && git ls-files -z -co --exclude-standard | grep -zv '^target/' |
    tar --null -T - -cf - 2>/dev/null) | tar -xf - -C "$root/build/php-ipc" || give_up "could not copy the tree"
else
  tar -C "$repo" --exclude=./target --exclude=./.git -cf - . | tar -xf - -C "$root/build/php-ipc" || give_up "could not copy the tree"
fi
shared=
if [ -d "$repo/../shared" ]; then shared=$(cd "$repo/../shared" && pwd -P); fi

cat > "$root/build/fresh-inner.sh" <<'INNER'
set -uo pipefail
cd /build/php-ipc
pass=0; fail=0
results=/build/results
: > "$results"
step() { # name command...: runs it, logs, records PASS/FAIL
  local name=$1 t0 rc; shift
  t0=$(date +%s)
  echo "=== fresh-check step: $name"
  "$@"; rc=$?
  if [ $rc -eq 0 ]; then echo "PASS $name ($(( $(date +%s) - t0 )) s)" | tee -a "$results"
  else echo "FAIL $name (exit $rc, $(( $(date +%s) - t0 )) s)" | tee -a "$results"; fi
  return $rc
}
php_m_lists_ipc() {
  local out
  out=$(php -m 2>&1) || { echo "$out"; return 1; }
  if echo "$out" | grep -qiE 'warning|error'; then echo "php -m warns:"; echo "$out"; return 1; fi
  echo "$out" | grep -qx ipc || { echo "php -m does not list ipc:"; echo "$out"; return 1; }
  echo "php -m lists ipc (no warnings); php --ri ipc:"; php --ri ipc
}
php_m_lacks_ipc() {
  ! php -m 2>/dev/null | grep -qx ipc && ! ls /etc/php/*/*/conf.d/*ipc.ini 2>/dev/null
}
echo "fresh chroot: $(. /etc/os-release; echo "$PRETTY_NAME"); ps: $(command -v ps || echo absent); git: $(command -v git || echo absent)"
only=" ${FRESH_ONLY:-main test package} "
[[ $only == *" main "* ]] && step main bash scripts/main.sh
[[ $only == *" test "* ]] && step test bash scripts/test.sh
if [[ $only == *" package "* ]] && step package bash scripts/package.sh; then
  if step install apt-get install -y -q ./target/debian/php-ipc_*.deb; then
    step php-m php_m_lists_ipc
    step seeds-installed env PHP_IPC_EXT=ipc bash scripts/run-seeds.sh
    step purge apt-get purge -y -q php-ipc
    step purged php_m_lacks_ipc
  fi
fi
INNER

say "root $root; running the checks (bounded to ${FRESH_TIMEOUT:-4800} s)"
# In the background and waited for, so INT/TERM stop it at once: timeout
# passes TERM to unshare, whose --kill-child ends the namespace's init, and
# with it every process inside (bash defers traps while a foreground child runs).
timeout -k 30 "${FRESH_TIMEOUT:-4800}" unshare --mount --ipc --pid --fork --kill-child --propagation private \
  bash "$repo/scripts/fresh-check.sh" --inside "$root" "$shared" "${FRESH_ONLY:-main test package}" &
runner=$!
# Counts the steps, prints the summary, removes the root, prints the last line.
finish() {
  local pass fail expected part
  trap - EXIT INT TERM
  pass=$(grep -c '^PASS ' "$root/build/results" 2>/dev/null); fail=$(grep -c '^FAIL ' "$root/build/results" 2>/dev/null)
  pass=${pass:-0}; fail=${fail:-0}
  # Every step must have run: a missing one (crash, timeout, interrupt) is a failure.
  expected=0
  for part in ${FRESH_ONLY:-main test package}; do
    case $part in main | test) expected=$((expected + 1)) ;; package) expected=$((expected + 6)) ;; esac
  done
  if [ $((pass + fail)) -lt $expected ]; then
    echo "FAIL $((expected - pass - fail)) step(s) did not finish" >> "$root/build/results"
    fail=$((expected - pass))
  fi
  echo
  say "summary ($(( ($(date +%s) - start) / 60 )) min):"; sed 's/^/  /' "$root/build/results" 2>/dev/null
  cleanup
  echo "fresh-check: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
stop_runner() {
  local i
  kill -TERM "$runner" 2>/dev/null
  for ((i = 0; i < 100; i++)); do kill -0 "$runner" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$runner" 2>/dev/null
  say "interrupted"
  finish
  exit "$1"
}
trap 'stop_runner 130' INT
trap 'stop_runner 143' TERM
wait "$runner"
rc=$?
[ $rc -eq 124 ] && say "timed out after ${FRESH_TIMEOUT:-4800} s"
finish
