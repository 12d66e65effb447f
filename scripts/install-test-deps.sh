#!/usr/bin/env bash
# Installs the Debian packages the tests need (a real sshd, the ssh tools, Chromium, ps).
# Idempotent: it does nothing, and needs no root, when everything is already installed.
set -euo pipefail

PACKAGES=(openssh-server openssh-client chromium procps)

missing=()
for package in "${PACKAGES[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-test-deps: all present (${PACKAGES[*]})"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-test-deps: missing ${missing[*]}; run this script as root to install them" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "install-test-deps: missing ${missing[*]}, and apt-get is not here (Debian expected)" >&2
  exit 1
fi

# Package scripts must not start the machine's own sshd: the tests run private servers
# on 127.0.0.1 only. policy-rc.d answering 101 tells invoke-rc.d not to start services.
policy=/usr/sbin/policy-rc.d
added_policy=no
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  added_policy=yes
fi
cleanup() {
  if [[ $added_policy == yes ]]; then rm -f "$policy"; fi
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
echo "install-test-deps: installing ${missing[*]}"
if ! apt-get update -q; then
  echo "install-test-deps: apt-get update failed; check the machine's apt sources" >&2
  exit 1
fi
if ! apt-get install -y -q "${missing[@]}"; then
  echo "install-test-deps: apt-get install ${missing[*]} failed (see above)" >&2
  exit 1
fi

for binary in /usr/sbin/sshd /usr/bin/ssh-keygen /usr/bin/chromium /usr/bin/ps; do
  if [[ ! -x $binary ]]; then
    echo "install-test-deps: $binary is still missing after the install" >&2
    exit 1
  fi
done
echo "install-test-deps: done"
