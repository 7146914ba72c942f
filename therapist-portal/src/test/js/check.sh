#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The front-end's checks, run by the therapist-portal build in its test phase (and by hand the same way):
# installs the pinned ESLint from the repository root's package-lock.json (npm ci: exact versions and
# integrity hashes; npm's cache serves later builds), lints the staff pages, the web-chat widget and these
# tests, then runs the Node unit tests. Any lint error or failing test fails the build.
set -euo pipefail
cd "$(dirname "$0")/../../../.."   # the repository root: package.json, eslint.config.js
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "check.sh: node and npm are needed for the front-end lint and unit tests (Node 20.19 or later)" >&2
  exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "check.sh: Node $(node --version) is too old: ESLint 10 needs 20.19 or later" >&2
  exit 1
fi
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
node node_modules/eslint/bin/eslint.js --max-warnings 0
node --test --test-reporter=spec therapist-portal/src/test/js/
