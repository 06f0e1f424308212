#!/usr/bin/env bash
# Takes issue 14's screenshots: the bundled vault's HTTP note, the
# protocols folder page, search with results and the graph, at 1280 and
# 375 px, light and dark, as PNGs named KIND-WIDTH-SCHEME.png (16 in
# all). Needs chromium (build/screenshots_browser_test.go drives it).
#
#   scripts/screenshots.sh OUT [REF]
#
# With REF (a branch or commit, e.g. main) the pictures show that
# revision's site: the script checks REF out in a temporary worktree,
# copies this revision's screenshot test into it and runs it there, so
# "before" and "after" pictures come from the same test.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: scripts/screenshots.sh OUT [REF]}
ref=${2:-}
mkdir -p "$out"
out=$(cd "$out" && pwd)

dir=.
if [ -n "$ref" ]; then
  dir=$(mktemp -d)
  trap 'git worktree remove --force "$dir"' EXIT
  git worktree add --detach --quiet "$dir" "$ref"
  cp build/screenshots_browser_test.go "$dir/build/"
fi
(cd "$dir" && VAULTSITE_SHOTS="$out" go test ./build -run '^TestScreenshotsInBrowser$' -count=1)
ls "$out"
