#!/usr/bin/env bash
# Renders every page of a report, and the SVG files of `eval --plot` and `cmf walk --plot`, in
# headless Chromium, and fails on any console message (the pages have no script, so any message
# is an error), on an XML parse error (the SVG files, and the index and a formula page loaded as
# XHTML, must be well-formed), on a link to a page that is not there, or on a reference to the
# network.
#
#   scripts/check-report-browser.sh [--keep DIR]     # DIR keeps the site and a screenshot
#
# Installs Debian's chromium when it is missing (apt-get; root or sudo). Uses the debug build.
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
if [ "${1:-}" = "--keep" ]; then keep="${2:?--keep needs a directory}"; fi

if ! command -v chromium >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing chromium" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

swift build --product ramanujan >/dev/null
bin="$(swift build --show-bin-path)/ramanujan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
site="$work/site"

"$bin" search specs/zeta3.json --store "$work/zeta3.db" >/dev/null 2>&1
"$bin" report --store "$work/zeta3.db" --out "$site" --points 16 >/dev/null 2>&1
"$bin" eval --a '34n^3+51n^2+27n+5' --b '-n^6' --depth 200 --plot "$site/eval.svg" >/dev/null
"$bin" eval --a 1 --b 'n^2' --depth 1000 --limit '1/log(2)' --plot "$site/eval-slow.svg" >/dev/null
"$bin" cmf walk zeta3 --trajectory 1,1 --start 1,1 --depth 100 --plot "$site/cmf.svg" >/dev/null

chrome() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --enable-logging=stderr --v=0 "$@"
}

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

pages=0
for file in "$site"/*.html "$site"/*.svg; do
  name="$(basename "$file")"
  pages=$((pages + 1))
  # No network: no src/href to http(s) or protocol-relative URLs (xmlns names are not fetched).
  if grep -Eq '(src|href)="(https?:)?//' "$file"; then fail "$name refers to the network"; fi
  # Links between pages resolve.
  for target in $(grep -o 'href="[^"#]*\.html"' "$file" | sed 's/href="//; s/"$//' | sort -u); do
    [ -f "$site/$target" ] || fail "$name links to $target, which is not there"
  done
  variants=("$file")
  # SVG files are XML already; of the pages, the index and one formula page (every page is built
  # from these two templates, and the unit tests parse all pages as XML) are also read as XHTML.
  if [[ "$name" == index.html || "$name" == "$(cd "$site" && ls hit-*.html | head -1)" ]]; then
    # The same text as XHTML: the browser's XML parser rejects anything not well-formed.
    cp "$file" "$work/${name%.html}.xhtml"
    variants+=("$work/${name%.html}.xhtml")
  fi
  for v in "${variants[@]}"; do
    if ! chrome --dump-dom "file://$v" >"$work/dom.txt" 2>"$work/log.txt"; then
      fail "$name: chromium failed on $(basename "$v")"
      continue
    fi
    if grep -q ':CONSOLE' "$work/log.txt"; then
      fail "$(basename "$v"): console messages:"
      grep ':CONSOLE' "$work/log.txt" >&2
    fi
    if grep -q -e 'parsererror' -e 'This page contains the following errors' "$work/dom.txt"; then
      fail "$(basename "$v") does not parse: $(grep -o 'error on line[^<]*' "$work/dom.txt" | head -1)"
    fi
    [ -s "$work/dom.txt" ] || fail "$(basename "$v") rendered nothing"
  done
done

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp -r "$site"/. "$keep"/
  chrome --screenshot="$keep/index.png" --window-size=1280,1600 "file://$site/index.html" >/dev/null 2>&1 || true
  echo "site and screenshot kept in $keep" >&2
fi

if [ "$failures" -gt 0 ]; then
  echo "check-report-browser: $failures problem(s) in $pages files" >&2
  exit 1
fi
echo "check-report-browser: $pages files render in chromium without errors"
