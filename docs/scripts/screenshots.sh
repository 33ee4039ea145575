#!/usr/bin/env bash
# Build the site, serve it on localhost, and screenshot pages with headless Chromium, so
# that a person can look at them (maps legible at page width, nothing broken).
#   docs/scripts/screenshots.sh [OUT_DIR] [PAGE ...]
# OUT_DIR defaults to site/screenshots (ignored by git); PAGE defaults to the home page
# and one gallery page.
# Needs: the docs extra (pip install -e '.[docs]'), chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-site/screenshots}"; shift || true
pages=("${@:-}")
[[ -z "${pages[0]}" ]] && pages=("" "gallery/russell-political-ideals/")
site="$(mktemp -d)"; profile="$(mktemp -d)"
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
python -m mkdocs build --strict --quiet --site-dir "$site"
port=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
trap 'kill "$server"; rm -rf "$site" "$profile"' EXIT
sleep 1
mkdir -p "$out"
for page in "${pages[@]}"; do
  name="$(echo "${page:-home}" | tr '/' '-' | sed 's/-$//')"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --virtual-time-budget=5000 \
    --window-size=1280,2000 --screenshot="$out/$name.png" "http://127.0.0.1:$port/$page" \
    >/dev/null 2>&1
  echo "$out/$name.png"
done
