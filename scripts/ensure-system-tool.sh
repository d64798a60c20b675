#!/usr/bin/env bash
# Usage: scripts/ensure-system-tool.sh <command> <debian package>
# A system tool the tests drive for real (Chromium, redis-server): installed with apt-get when it is missing
# and the machine allows it (root, apt-get present); otherwise fails naming the command to run.
set -euo pipefail
tool="$1"
package="$2"
command -v "$tool" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $package with apt-get (the tests need $tool)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$package" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$package" >/dev/null; } || true
  command -v "$tool" >/dev/null 2>&1 && exit 0
fi
echo "The tests need $tool and it is not installed. Run: sudo apt-get install -y $package" >&2
exit 1
