#!/usr/bin/env bash
# Debian packages the platform needs (listed in scripts/debian-packages.txt), installed only when
# missing. Needs root (or sudo); on a machine without apt-get it says what to install and goes on.
set -euo pipefail
cd "$(dirname "$0")"
mapfile -t wanted < <(grep -vE '^\s*(#|$)' debian-packages.txt | awk '{print $1}')
missing=()
for p in "${wanted[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Cần cài các gói hệ thống: ${missing[*]}" >&2; exit 0
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Cài gói hệ thống: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
