#!/usr/bin/env bash
# Self-contained, compressed single-file binaries in dist/: partymode-VERSION-RID, plus SHA256SUMS.
# Usage: scripts/publish.sh [RID …]   (default: every release RID)
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64 win-x64 osx-x64 osx-arm64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
mkdir -p dist
for rid in "${rids[@]}"; do
  out="dist/.publish/$rid"
  rm -rf "$out"
  echo "publish: $rid"
  # Its own artifacts folder, so a publish never touches the bin/ and obj/ that builds and tests use.
  dotnet publish PartyMode.Cli/PartyMode.Cli.csproj -c Release -r "$rid" --self-contained true --artifacts-path dist/.artifacts \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true \
    -p:DebugType=none -p:GenerateDocumentationFile=false -o "$out" --nologo -v quiet
  ext=""; [[ "$rid" == win-* ]] && ext=".exe"
  cp "$out/partymode$ext" "dist/partymode-$version-$rid$ext"
done
rm -rf dist/.publish dist/.artifacts
(cd dist && sha256sum partymode-"$version"-* > SHA256SUMS)
echo "publish: done"; cat dist/SHA256SUMS
