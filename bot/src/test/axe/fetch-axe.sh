#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Puts axe-core's axe.min.js into $1 for the browser tests (WidgetBrowserTest injects it into the
# page). It comes from the npm registry through npm itself, pinned by version and sha512, once:
# npm's cache serves later builds, and an existing copy with the right version is kept.
# (No webjar of axe-core is served from Maven Central here, so npm is the package registry used.)
set -euo pipefail
VERSION=4.14.1
INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
dir="$1"
if [[ -f "$dir/axe.min.js" && "$(cat "$dir/VERSION" 2>/dev/null)" == "$VERSION" ]]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-axe.sh: npm is needed to fetch axe-core $VERSION for the browser tests (apt-get install npm)" >&2
  exit 1
fi
mkdir -p "$dir"
tgz="$dir/$(npm pack "axe-core@$VERSION" --prefer-offline --silent --pack-destination "$dir" 2>/dev/null | tail -n1)"
actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [[ "$actual" != "$INTEGRITY" ]]; then
  echo "fetch-axe.sh: $tgz has $actual, expected $INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$dir" --strip-components=1 package/axe.min.js package/LICENSE
rm -f "$tgz"
echo "$VERSION" > "$dir/VERSION"
