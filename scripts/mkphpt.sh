#!/usr/bin/env bash
# Turns a PHP script into a .phpt whose expected output is what the NATIVE
# extensions print for it (the oracle). Review the result before committing.
#   scripts/mkphpt.sh <script.php> <out.phpt> "<title>" [extensions...]
set -euo pipefail
src=$1; out=$2; title=$3; shift 3
exts=("$@"); [ ${#exts[@]} -gt 0 ] || exts=(sysvmsg)
tmp=$(mktemp -d); tmp=$(cd "$tmp" && pwd -P); trap 'rm -rf "$tmp"' EXIT
cp "$src" "$tmp/t.php"
args=(-n); for e in "${exts[@]}"; do [ "$e" = pcntl ] || args+=(-d "extension=$e"); done
(cd "$tmp" && php "${args[@]}" t.php 2>&1) | sed "s#$tmp/t.php#%s#g; s#$tmp#%s#g" > "$tmp/expect"
{
  echo "--TEST--"; echo "$title"
  echo "--EXTENSIONS--"; printf '%s\n' "${exts[@]}"
  echo "--FILE--"; cat "$src"
  echo "--EXPECTF--"; cat "$tmp/expect"
} > "$out"
echo "wrote $out"
