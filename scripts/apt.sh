#!/usr/bin/env bash
# apt_ensure PACKAGE...: installs the Debian packages that are missing (as root, or through sudo).
apt_ensure() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  local sudo=()
  [[ $EUID -eq 0 ]] || sudo=(sudo)
  echo "installing ${missing[*]} with apt" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
