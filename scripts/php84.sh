#!/usr/bin/env bash
# The PHP 8.4 build and test run of php-ipc on a Debian 12 host, in a cached Debian 13 chroot.
#
#   bash scripts/php84.sh setup    # create or update the chroot (idempotent)
#   bash scripts/php84.sh build    # cargo build --release against PHP 8.4 -> target/php84/release/libphp_ipc.so
#   bash scripts/php84.sh test     # scripts/test.sh under PHP 8.4 (ends with `all: N passed, N failed`)
#   bash scripts/php84.sh shell [cmd...]  # a command (or a shell) in the chroot, in the source tree
#
# On a Debian 13 host PHP 8.4 is the system PHP: scripts/main.sh and scripts/test.sh work directly and
# this script is not needed.
#
# The chroot lives in $PHP_IPC_CHROOT (default /var/cache/php-ipc/trixie). The source tree is
# bind-mounted at /src (and ../shared at /shared, when present), the host's ~/.cargo and ~/.rustup
# at the same paths, so the 8.4 build reuses the toolchain and the crate downloads. The 8.4 build has
# its own target folder: the host's target/php84 is mounted over /src/target in the chroot, so the
# test scripts find the 8.4 build at target/release/libphp_ipc.so there, and the host's 8.2 build
# in target/ is never touched.
# Every mount is undone on every exit path (trap; lazy unmount as fallback).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CHROOT="${PHP_IPC_CHROOT:-/var/cache/php-ipc/trixie}"
# shellcheck disable=SC1091
. "$ROOT/scripts/lib/apt-mirror.sh"
MIRROR="${PHP_IPC_MIRROR:-$(apt_mirror)}"
PACKAGES=(php8.4-cli php8.4-dev php8.4-common libclang-dev gcc libc6-dev procps util-linux
    ca-certificates wrk)
STAMP="$CHROOT/.php-ipc-ready"
HOME_DIR="${HOME:-/root}"

log() { echo "php84: $*" >&2; }

need_root() {
    if [ "$(id -u)" != 0 ]; then
        log "must run as root (debootstrap, chroot and mount need it)"
        exit 1
    fi
}

MOUNTED=()
mount_bind() { # src dst [ro]
    local src="$1" dst="$CHROOT$2"
    mkdir -p "$dst"
    mount --bind "$src" "$dst"
    MOUNTED+=("$dst")
    if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$dst" || true; fi
}

unmount_all() {
    local i
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTED[$i]}" 2>/dev/null || umount -l "${MOUNTED[$i]}" 2>/dev/null || true
    done
    MOUNTED=()
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

# One run at a time per chroot: runs share its mounts. Holding the lock, a
# run first removes mounts a killed run left behind (they may point at
# another tree), deepest first.
lock_chroot() {
    mkdir -p "$(dirname "$CHROOT")"
    exec 9>"$CHROOT.lock"
    flock 9
    local m
    for m in $(awk -v r="$CHROOT" '$5 == r || index($5, r "/") == 1 {print $5}' /proc/self/mountinfo | sort -r); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
}

mount_system() {
    mount_bind /proc /proc
    mount_bind /sys /sys
    mount_bind /dev /dev
    mount_bind /dev/pts /dev/pts
    # /dev/shm is a tmpfs of its own on the host: bind it too so shm_open/POSIX semaphores work.
    if mountpoint -q /dev/shm; then mount_bind /dev/shm /dev/shm; fi
}

mount_work() {
    mount_system
    mount_bind "$ROOT" /src
    mkdir -p "$ROOT/target/php84"
    mount_bind "$ROOT/target/php84" /src/target
    if [ -d "$ROOT/../shared" ]; then
        mount_bind "$(cd "$ROOT/../shared" && pwd)" /shared ro
    fi
    [ -d "$HOME_DIR/.cargo" ] && mount_bind "$HOME_DIR/.cargo" /root/.cargo
    [ -d "$HOME_DIR/.rustup" ] && mount_bind "$HOME_DIR/.rustup" /root/.rustup
    cp -f /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true
    # A real system resolves localhost through /etc/hosts (debootstrap writes none).
    [ -s "$CHROOT/etc/hosts" ] || cp -f /etc/hosts "$CHROOT/etc/hosts" 2>/dev/null || true
}

in_chroot() { # command string, run by bash -lc in /src
    chroot "$CHROOT" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" \
        PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 /bin/bash -c "cd /src && $1"
}

setup() {
    need_root
    lock_chroot
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "${PACKAGES[*]}" ]; then
        log "chroot $CHROOT is ready (cached)"
        return 0
    fi
    if [ ! -x "$CHROOT/usr/bin/apt-get" ] || [ ! -f "$CHROOT/.debootstrap-done" ]; then
        command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
        log "debootstrap trixie into $CHROOT"
        rm -rf --one-file-system "$CHROOT"
        mkdir -p "$(dirname "$CHROOT")"
        debootstrap --variant=minbase trixie "$CHROOT" ${MIRROR:+"$MIRROR"} >&2
        touch "$CHROOT/.debootstrap-done"
    fi
    mount_system
    cp -f /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true
    # A real system resolves localhost through /etc/hosts (debootstrap writes none).
    [ -s "$CHROOT/etc/hosts" ] || cp -f /etc/hosts "$CHROOT/etc/hosts" 2>/dev/null || true
    log "installing ${PACKAGES[*]}"
    chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        bash -c "apt-get update -q && apt-get install -y -q --no-install-recommends ${PACKAGES[*]}" >&2
    echo "${PACKAGES[*]}" >"$STAMP"
    unmount_all
    log "chroot ready: $(chroot "$CHROOT" php -r 'echo PHP_VERSION;')"
}

build() {
    setup
    mount_work
    in_chroot "cargo build --release"
}

run_tests() {
    setup
    mount_work
    # scripts/test.sh ends with its `all: N passed, N failed` line; the build is done here, so the
    # test run skips scripts/setup.sh (which installs Debian 12's packages).
    in_chroot "cargo build --release --quiet && PHP_IPC_SKIP_SETUP=1 bash scripts/test.sh"
}

case "${1:-}" in
setup) setup ;;
build) build ;;
test) run_tests ;;
shell)
    shift
    setup
    mount_work
    if [ $# -gt 0 ]; then in_chroot "$*"; else in_chroot "exec bash -i"; fi
    ;;
*)
    echo "usage: $0 setup|build|test|shell [cmd...]" >&2
    exit 2
    ;;
esac
