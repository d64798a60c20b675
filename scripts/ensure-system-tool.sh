#!/usr/bin/env bash
# Usage: scripts/ensure-system-tool.sh "<command> [<other name> …]" <debian package>
# A system tool the tests drive for real (Chromium, redis-server, openssl): any of its names will do; otherwise it is
# installed with apt-get when the machine allows it (root, apt-get present), or this fails naming the command to run.
set -euo pipefail
read -r -a names <<< "$1"
tool="${names[0]}"
package="$2"
for name in "${names[@]}"; do command -v "$name" >/dev/null 2>&1 && exit 0; done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $package with apt-get (the tests need $tool)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$package" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$package" >/dev/null; } || true
  command -v "$tool" >/dev/null 2>&1 && exit 0
fi
echo "The tests need $tool and it is not installed. Run: sudo apt-get install -y $package" >&2
exit 1
