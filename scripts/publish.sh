#!/usr/bin/env bash
# Self-contained single-file binaries in dist/: partymode-VERSION-RID, each also packed for download
# (partymode-VERSION-RID.tar.gz, or .zip for Windows, with the Claude Code command files beside the
# binary), plus SHA256SUMS.
# The binary itself is not compressed: a compressed single file is unpacked at every start,
# which costs more than the start-up budget allows (docs/benchmarks.md); the archive is smaller
# than the compressed binary was.
# Usage: scripts/publish.sh [RID …]   (default: every release RID; one RID takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64 win-x64 osx-x64 osx-arm64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
mkdir -p dist
all_started=$SECONDS
i=0
for rid in "${rids[@]}"; do
  i=$((i + 1))
  started=$SECONDS
  out="dist/.publish/$rid"
  rm -rf "$out"
  echo "publish: [$i/${#rids[@]}] $rid: restore, compile, ready-to-run, bundle (a few minutes)"
  # Its own artifacts folder, so a publish never touches the bin/ and obj/ that builds and tests use.
  # Minimal verbosity: one line per project step, so a long publish shows that it moves.
  dotnet publish PartyMode.Cli/PartyMode.Cli.csproj -c Release -r "$rid" --self-contained true --artifacts-path dist/.artifacts \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=false -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true \
    -p:DebugType=none -p:GenerateDocumentationFile=false -o "$out" --nologo -v minimal -clp:NoSummary \
    | sed -u "s/^/publish: $rid: /"
  ext=""; [[ "$rid" == win-* ]] && ext=".exe"
  name="partymode-$version-$rid"
  cp "$out/partymode$ext" "dist/$name$ext"
  rm -rf "dist/.pack" && mkdir -p "dist/.pack/$name" && cp "$out/partymode$ext" "dist/.pack/$name/"
  # The Claude Code slash commands ride along ('partymode mcp install-commands' writes the same files).
  cp -r integrations/claude-code "dist/.pack/$name/claude-code"
  if [[ "$rid" == win-* ]] && command -v python3 > /dev/null; then
    rm -f "dist/$name.zip" && (cd dist/.pack && python3 -m zipfile -c "../$name.zip" "$name")
  else
    tar -C dist/.pack -czf "dist/$name.tar.gz" "$name"
  fi
  size=$(du -m "dist/$name$ext" | cut -f1)
  echo "publish: [$i/${#rids[@]}] $rid done in $(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s: dist/$name$ext (${size} MiB)"
done
rm -rf dist/.pack
rm -rf dist/.publish dist/.artifacts
(cd dist && sha256sum partymode-"$version"-* > SHA256SUMS)
echo "publish: done in $(( (SECONDS - all_started) / 60 ))m$(( (SECONDS - all_started) % 60 ))s"; cat dist/SHA256SUMS
