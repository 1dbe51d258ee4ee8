#!/usr/bin/env bash
# Makes sure headless-browser tests can run: Debian's chromium, npm's playwright-core (which
# drives it; no browser download of its own) and axe-core (the accessibility checks). Idempotent
# and quiet when everything is present.
# Prints, on stdout, two lines the tests read:
#   CHROMIUM=/path/to/chromium
#   NODE_PATH=/dir/with/node_modules
# Tests launch chromium with: --headless --no-sandbox --disable-gpu --disable-background-networking
set -euo pipefail

PLAYWRIGHT_CORE_VERSION="${PLAYWRIGHT_CORE_VERSION:-1.65.1}"
AXE_CORE_VERSION="${AXE_CORE_VERSION:-4.14.1}"
TOOLS_DIR="${SYNTHLINE_BROWSER_TOOLS:-$HOME/.synthline/browser-tools}"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

chromium_path() {
    command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true
}

if [ -z "$(chromium_path)" ]; then
    echo "ensure-browser: installing Debian's chromium" >&2
    as_root apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium >&2
fi
if [ -z "$(chromium_path)" ]; then
    echo "ensure-browser: chromium is not installed and could not be installed" >&2
    exit 1
fi

if ! command -v node >/dev/null 2>&1; then
    echo "ensure-browser: installing node and npm" >&2
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi

if [ ! -f "$TOOLS_DIR/node_modules/playwright-core/package.json" ] \
    || ! grep -q "\"version\": \"$PLAYWRIGHT_CORE_VERSION\"" "$TOOLS_DIR/node_modules/playwright-core/package.json"; then
    echo "ensure-browser: installing playwright-core $PLAYWRIGHT_CORE_VERSION into $TOOLS_DIR" >&2
    mkdir -p "$TOOLS_DIR"
    (cd "$TOOLS_DIR" && [ -f package.json ] || echo '{"private": true}' > package.json)
    (cd "$TOOLS_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent \
        "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2)
fi

if [ ! -f "$TOOLS_DIR/node_modules/axe-core/package.json" ] \
    || ! grep -q "\"version\": \"$AXE_CORE_VERSION\"" "$TOOLS_DIR/node_modules/axe-core/package.json"; then
    echo "ensure-browser: installing axe-core $AXE_CORE_VERSION into $TOOLS_DIR" >&2
    mkdir -p "$TOOLS_DIR"
    (cd "$TOOLS_DIR" && [ -f package.json ] || echo '{"private": true}' > package.json)
    (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent "axe-core@$AXE_CORE_VERSION" >&2)
fi

echo "CHROMIUM=$(chromium_path)"
echo "NODE_PATH=$TOOLS_DIR/node_modules"
