#!/usr/bin/env bash
# Release binaries in dist/: partymode-VERSION-RID, each also packed for download
# (partymode-VERSION-RID.tar.gz, or .zip for Windows, with the Claude Code command files beside the
# binary), plus SHA256SUMS.
# The machine's own platform is built with Native AOT (one native file, ~27 MiB, ready in a few tens of
# milliseconds; docs/benchmarks.md): it needs clang and zlib's headers (Debian: clang zlib1g-dev), and
# Native AOT cannot cross-compile to another operating system or CPU. Every other platform is a
# self-contained ReadyToRun single file, as before (build it with Native AOT on its own machine).
# PARTYMODE_PUBLISH=single-file builds the single file for every platform (no clang needed).
# The binary itself is not compressed: a compressed single file is unpacked at every start,
# which costs more than the start-up budget allows (docs/benchmarks.md); the archive is smaller
# than the compressed binary was.
# Usage: scripts/publish.sh [RID …]   (default: every release RID)
# PARTYMODE_DIST=FOLDER writes there instead of dist/ (the release tests publish this way).
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64 win-x64 osx-x64 osx-arm64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
dist="${PARTYMODE_DIST:-dist}"
mkdir -p "$dist"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) host=linux-x64 ;; Linux-aarch64) host=linux-arm64 ;;
  Darwin-x86_64) host=osx-x64 ;; Darwin-arm64) host=osx-arm64 ;; *) host="" ;;
esac
all_started=$SECONDS
i=0
for rid in "${rids[@]}"; do
  i=$((i + 1))
  started=$SECONDS
  out="$dist/.publish/$rid"
  rm -rf "$out"
  if [ "$rid" = "$host" ] && [ "${PARTYMODE_PUBLISH:-}" != single-file ]; then
    command -v clang > /dev/null || { echo "publish: $rid is built with Native AOT, which needs clang and zlib's headers (Debian: sudo apt-get install clang zlib1g-dev), or PARTYMODE_PUBLISH=single-file for the larger single file" >&2; exit 1; }
    kind="Native AOT"
    # LiteDB is not annotated for trimming; its warnings (IL2104, IL3053) stay visible but do not fail
    # the build: the store reads and writes BsonDocuments only, never LiteDB's reflection mapper, and the
    # release tests run a whole session, restart included, on this binary.
    options=(-p:PublishAot=true -p:WarningsNotAsErrors=IL2104%3BIL3053)
  else
    kind="single file"
    options=(-p:PublishSingleFile=true -p:EnableCompressionInSingleFile=false -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true)
  fi
  echo "publish: [$i/${#rids[@]}] $rid ($kind): restore, compile, native code, bundle (2 to 5 minutes)"
  # Its own artifacts folder, so a publish never touches the bin/ and obj/ that builds and tests use.
  # Minimal verbosity: one line per project step, so a long publish shows that it moves.
  dotnet publish PartyMode.Cli/PartyMode.Cli.csproj -c Release -r "$rid" --self-contained true --artifacts-path "$dist/.artifacts" \
    "${options[@]}" -p:DebugType=none -p:GenerateDocumentationFile=false -o "$out" --nologo -v minimal -clp:NoSummary \
    | sed -u "s/^/publish: $rid: /"
  ext=""; [[ "$rid" == win-* ]] && ext=".exe"
  name="partymode-$version-$rid"
  cp "$out/partymode$ext" "$dist/$name$ext"
  rm -rf "$dist/.pack" && mkdir -p "$dist/.pack/$name" && cp "$out/partymode$ext" "$dist/.pack/$name/"
  # The Claude Code slash commands ride along ('partymode mcp install-commands' writes the same files).
  cp -r integrations/claude-code "$dist/.pack/$name/claude-code"
  if [[ "$rid" == win-* ]] && command -v python3 > /dev/null; then
    rm -f "$dist/$name.zip" && (cd "$dist/.pack" && python3 -m zipfile -c "../$name.zip" "$name")
  else
    tar -C "$dist/.pack" -czf "$dist/$name.tar.gz" "$name"
  fi
  size=$(du -m "$dist/$name$ext" | cut -f1)
  echo "publish: [$i/${#rids[@]}] $rid ($kind) done in $(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s: $dist/$name$ext (${size} MiB)"
done
rm -rf "$dist/.pack" "$dist/.publish" "$dist/.artifacts"
(cd "$dist" && sha256sum partymode-"$version"-* > SHA256SUMS)
echo "publish: done in $(( (SECONDS - all_started) / 60 ))m$(( (SECONDS - all_started) % 60 ))s"; cat "$dist/SHA256SUMS"
