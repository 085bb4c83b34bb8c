#!/usr/bin/env bash
# Builds the release site into dist/ — the same steps for the test command and GitHub Pages.
#
#   scripts/build-site.sh [PUBLIC_URL]
#
# PUBLIC_URL defaults to "./" (relative asset URLs: the site works at any path). GitHub Pages
# passes "/<repo>/" so that 404.html, which serves deep links below the site, finds its assets.
set -euo pipefail
cd "$(dirname "$0")/.."
public_url="${1:-./}"
scripts/setup.sh --site
# trunk finds wasm-opt (npm's binaryen, version pinned in Trunk.toml) on the PATH.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

trunk build --release --public-url "$public_url"
# GitHub Pages answers unknown paths with 404.html; make it the app, which then shows the
# first chapter with a notice instead of an error page.
cp dist/index.html dist/404.html
# The service worker installs afresh (and re-caches) whenever any file of the build changed.
build_id=$(cd dist && find . -type f ! -name sw.js -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
echo "// build $build_id" >> dist/sw.js
