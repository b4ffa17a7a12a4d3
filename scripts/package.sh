#!/usr/bin/env bash
# Builds the Debian package target/debian/php-ipc_<version>_amd64.deb with
# cargo-deb, for the PHP that php-config names:
#   /usr/lib/php/<api>/ipc.so, /etc/php/<ver>/mods-available/ipc.ini,
#   Depends: phpapi-<api>; postinst/postrm run phpenmod/phpdismod through
#   Debian's php-maintscript-helper, as Debian's own php-* packages do.
# Installs what is missing first (scripts/setup.sh) and cargo-deb (cached in
# ~/.cargo/bin). Install it with: apt install ./target/debian/php-ipc_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
PHP_CONFIG=${PHP_CONFIG:-php-config}
api=$("$PHP_CONFIG" --phpapi)
version=$("$PHP_CONFIG" --version | cut -d. -f1,2)
extdir=$("$PHP_CONFIG" --extension-dir)
variant="php${version//./}"

# The variant in Cargo.toml must be exactly this PHP's: API dependency,
# extension directory and ini directory (a new PHP needs a new variant).
meta=$(sed -n "/^\[package.metadata.deb.variants.$variant\]/,/^\[/p" Cargo.toml)
for want in "phpapi-$api\"" "\"${extdir#/}/ipc.so\"" "\"etc/php/$version/mods-available/ipc.ini\""; do
  if ! grep -qF -- "$want" <<< "$meta"; then
    echo "package: Cargo.toml has no [package.metadata.deb.variants.$variant] with $want (PHP $version, API $api, $extdir)" >&2
    exit 1
  fi
done
# The declared libc6 version must cover the newest glibc symbol the module uses.
if command -v objdump >/dev/null; then
  need_glibc=$(objdump -T target/release/libphp_ipc.so | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
  have_glibc=$(sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p' <<< "$meta" | head -1)
  if [ "$(printf '%s\n%s\n' "$need_glibc" "$have_glibc" | sort -V | tail -1)" != "$have_glibc" ]; then
    echo "package: the module needs glibc $need_glibc but the variant $variant declares libc6 (>= $have_glibc)" >&2
    exit 1
  fi
fi

if ! command -v cargo-deb >/dev/null; then
  echo "package: installing cargo-deb (once, into ~/.cargo/bin)"
  cargo install cargo-deb --locked --quiet
fi

# Maintainer scripts for this PHP version, from debian/*.in.
scripts=target/debian-pkg/scripts
rm -rf "$scripts"; mkdir -p "$scripts"
for f in debian/*.in; do
  out="$scripts/$(basename "$f" .in)"
  sed "s/@PHP_VERSION@/$version/g" "$f" > "$out"
  chmod 755 "$out"
done

mkdir -p target/debian
rm -f target/debian/php-ipc_*.deb
cargo deb --no-build --quiet --variant "$variant" ${DEB_MAINTAINER:+--maintainer "$DEB_MAINTAINER"}
deb=$(ls target/debian/php-ipc_*.deb)
# What dpkg will see, checked: a wrong field here would install a broken module.
dpkg-deb -f "$deb" Depends | grep -q "phpapi-$api" || { echo "package: $deb lacks Depends phpapi-$api" >&2; exit 1; }
dpkg-deb -c "$deb" | grep -q " \./${extdir#/}/ipc.so$" || { echo "package: $deb lacks ${extdir}/ipc.so" >&2; exit 1; }
echo "package: built $(pwd)/$deb (PHP $version, API $api)"
