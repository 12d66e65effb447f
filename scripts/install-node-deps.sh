#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked, unless this lock file is already
# installed. `npm ci` also builds ssh2's native crypto binding (approved in package.json).
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.seashell-lock.sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$wanted" ]]; then
  echo "install-node-deps: node_modules matches package-lock.json"
  exit 0
fi
npm ci --no-audit --no-fund
echo "$wanted" > "$stamp"
