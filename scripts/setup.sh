#!/usr/bin/env bash
# Installs what building and testing php-ipc needs on Debian (as root), then
# builds the extension. Idempotent and quiet: apt runs only when a package is
# missing (checked with dpkg-query, never by guessing file names).
#
# The PHP version comes from the distribution (Debian 12 -> 8.2, Debian 13 ->
# 8.4); PHP_VERSION=8.x overrides it, and on other systems the installed
# php-config decides. Packages:
#   phpX-cli phpX-dev            PHP and php-config/run-tests.php for the build and tests
#   libclang1-N libclang-common-N-dev   libclang and its headers for bindgen (ext-php-rs)
#   ca-certificates              cargo's HTTPS downloads from crates.io
#   libssl-dev pkg-config        OpenSSL's headers and library for the openssl crate (EventSslContext)
#   util-linux                   ipcs, setsid, taskset (scripts/test.sh, probe-prefork.sh)
#   valgrind                     scripts/valgrind.sh
#   libevent-{core,extra,openssl}-2.1-7[t64]   runtime of the PECL event oracle (differential tests)
#   wrk                          the 1,000-connection EventHttp test (php-tests/event/http_wrk_1000.phpt)
#                                and benches/event_http.sh
# No script needs procps (ps, /bin/kill): they use /proc and bash's kill.
# SETUP_NO_BUILD=1 installs without building.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck disable=SC1091
[ -r /etc/os-release ] && . /etc/os-release
codename=${VERSION_CODENAME:-}
if [ -z "${PHP_VERSION:-}" ]; then
  case "${ID:-}:$codename" in
    debian:bookworm) PHP_VERSION=8.2 ;;
    debian:trixie) PHP_VERSION=8.4 ;;
    *)
      if command -v php-config >/dev/null; then
        PHP_VERSION=$(php-config --version | cut -d. -f1,2)
      else
        echo "setup: unknown distribution '${ID:-?} $codename'; set PHP_VERSION=8.x" >&2
        exit 1
      fi ;;
  esac
fi
case "$codename" in
  bookworm) LLVM=${LLVM_VERSION:-14}; T64= ;;
  trixie) LLVM=${LLVM_VERSION:-19}; T64=t64 ;;
  *) LLVM=${LLVM_VERSION:-14}; T64= ;;
esac

# Each entry is "a|b|...": satisfied when any alternative is installed; when
# none is, the first one apt knows is installed (t64 renames differ by release).
wanted=(
  "php$PHP_VERSION-cli" "php$PHP_VERSION-dev"
  "libclang1-$LLVM" "libclang-common-$LLVM-dev"
  ca-certificates util-linux valgrind
  libssl-dev "pkg-config|pkgconf"
  "libevent-core-2.1-7$T64|libevent-core-2.1-7" "libevent-extra-2.1-7$T64|libevent-extra-2.1-7"
  "libevent-openssl-2.1-7$T64|libevent-openssl-2.1-7"
  wrk
)

installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]; }
missing=()
for entry in "${wanted[@]}"; do
  ok=0
  IFS='|' read -r -a alts <<< "$entry"
  for p in "${alts[@]}"; do installed "$p" && { ok=1; break; }; done
  [ $ok = 1 ] || missing+=("$entry")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing packages ${missing[*]}; run as root or install them" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  need=()
  for entry in "${missing[@]}"; do
    IFS='|' read -r -a alts <<< "$entry"
    pick=
    for p in "${alts[@]}"; do
      cand=$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: //p')
      if [ -n "$cand" ] && [ "$cand" != "(none)" ]; then pick=$p; break; fi
    done
    [ -n "$pick" ] || { echo "setup: no installable package among: $entry" >&2; exit 1; }
    need+=("$pick")
  done
  echo "setup: installing ${need[*]}"
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The PHP the build uses must be the distribution's one chosen above.
php_config_version=$("${PHP_CONFIG:-php-config}" --version | cut -d. -f1,2)
if [ "$php_config_version" != "$PHP_VERSION" ]; then
  echo "setup: php-config is PHP $php_config_version, expected $PHP_VERSION (update-alternatives --set php-config /usr/bin/php-config$PHP_VERSION, or set PHP_CONFIG)" >&2
  exit 1
fi

[ "${SETUP_NO_BUILD:-0}" = 1 ] && exit 0
cargo build --release --quiet
echo "setup: built $(pwd)/target/release/libphp_ipc.so (PHP $PHP_VERSION)"
