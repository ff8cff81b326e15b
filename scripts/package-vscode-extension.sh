#!/usr/bin/env bash
# Packages the VS Code extension (editors/vscode/) as dealgate-VERSION.vsix with @vscode/vsce,
# fetched from the npm registry with the extension's other packages. Needs node and npm (20 or
# later) and the network, so CI does not run it. Also runs the grammar's tests first.
#
#   scripts/package-vscode-extension.sh          writes editors/vscode/dealgate-0.1.0.vsix
#   code --install-extension editors/vscode/dealgate-0.1.0.vsix
set -euo pipefail
cd "$(dirname "$0")/../editors/vscode"
# The lock file names no registry host: npm resolves each package from its name and checks its
# integrity hash.
npm install --no-audit --no-fund --omit-lockfile-registry-resolved
npm test
# No LICENSE file and no repository field in the package: say so rather than be asked.
npx vsce package --skip-license --allow-missing-repository
ls -l ./*.vsix
