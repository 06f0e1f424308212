#!/usr/bin/env bash
# Builds vaultsite's release binaries: static (no cgo), reproducible
# (-trimpath, no build ID), for linux, darwin and windows on amd64 and
# arm64, each stamped with VERSION, packed as a .tar.gz (a .zip for
# windows) with the README, plus SHA256SUMS.
#
#   scripts/release.sh v1.2.3 [DIST]     (DIST defaults to ./dist)
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: scripts/release.sh VERSION [DIST]}
dist=${2:-dist}
case $version in
  v[0-9]*) ;;
  *) echo "release: VERSION must look like v1.2.3, got $version" >&2; exit 2 ;;
esac

targets="linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"
ldflags="-s -w -buildid= -X github.com/vaultsite/vaultsite/internal/version.stamped=$version"

rm -rf "$dist"
mkdir -p "$dist"
for t in $targets; do
  os=${t%/*} arch=${t#*/}
  name="vaultsite_${version#v}_${os}_${arch}"
  exe=vaultsite
  [ "$os" = windows ] && exe=vaultsite.exe
  mkdir -p "$dist/$name"
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -ldflags "$ldflags" \
    -o "$dist/$name/$exe" ./cmd/vaultsite
  cp README.md "$dist/$name/"
  if [ "$os" = windows ]; then
    (cd "$dist" && zip -qr "$name.zip" "$name")
  else
    tar -C "$dist" --sort=name --owner=0 --group=0 --mtime=@0 -czf "$dist/$name.tar.gz" "$name"
  fi
done
(cd "$dist" && sha256sum ./*.tar.gz ./*.zip | sed 's| \./| |' > SHA256SUMS)
echo "release: $(ls "$dist"/*.tar.gz "$dist"/*.zip | wc -l) archives in $dist"
