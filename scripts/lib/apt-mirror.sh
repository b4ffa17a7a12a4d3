# Debian archive addresses for chroots, taken from the host's own apt
# configuration (deb822 .sources files or sources.list), so that the chroots
# use whatever mirror this machine is set up with.
#   apt_mirror            the main archive (empty: debootstrap's default)
#   apt_security_mirror   the security archive (derived from the main one if absent)
_apt_uris() {
  {
    sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n'
    sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
  } | sed 's#/*$##' | grep -E '^(https?|file)://' || true
}
apt_mirror() {
  _apt_uris | grep -E '/debian$' | head -1
}
apt_security_mirror() {
  local m
  m=$(_apt_uris | grep -E '/debian-security$' | head -1)
  if [ -z "$m" ]; then
    m=$(apt_mirror)
    [ -n "$m" ] && m="${m%/debian}/debian-security"
  fi
  echo "$m"
}
