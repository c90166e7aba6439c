#!/usr/bin/env bash
# PartyMode build entry point: ./build.sh [run|test|build|publish|bench|soak|page] [args…]
set -euo pipefail
cd "$(dirname "$0")"
cmd="${1:-build}"; shift || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

ensure_chromium() {
  # Browser tests drive Debian's Chromium; install it when missing (CI starts with the SDK only).
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "build.sh: installing Debian's chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "build.sh: could not install chromium; browser tests will fail" >&2
  else
    echo "build.sh: /usr/bin/chromium is missing; install Debian's chromium package for the browser tests" >&2
  fi
}

ensure_aot_toolchain() {
  # The linux-x64 release binary is Native AOT: clang links it, with zlib's headers (CI starts with the SDK only).
  if command -v clang >/dev/null && [ -e /usr/include/zlib.h ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "build.sh: installing clang and zlib1g-dev for the Native AOT release binary" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null) \
      || echo "build.sh: could not install clang; the release tests will fail" >&2
  else
    echo "build.sh: clang or zlib1g-dev is missing; install both for the Native AOT release binary (the release tests need it)" >&2
  fi
}

publish_for_tests() {
  # The release binary, published once (2 to 5 minutes): the release tests and every test that starts
  # partymode as a child process (CLI, MCP over stdio, restarts) run this file, what users download.
  [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || return 0
  ensure_aot_toolchain
  rm -rf TestResults/release
  if PARTYMODE_DIST=TestResults/release bash scripts/publish.sh linux-x64 >&2; then
    export PARTYMODE_TEST_BINARY
    PARTYMODE_TEST_BINARY=$(ls "$PWD"/TestResults/release/partymode-*-linux-x64)
  else
    echo "build.sh: the release binary did not publish; the child-process tests run the built apphost" >&2
  fi
}

case "$cmd" in
  build)
    dotnet build partymode.sln -c Release "$@" ;;
  run)
    # The main job: the daemon on the demo campaign (or the stored game of the data folder). A developer's
    # run keeps its game in the repository's .partymode-data/ (git-ignored), never in the real
    # ~/.config/partymode; PARTYMODE_DATA or --data still choose another folder.
    export PARTYMODE_DATA="${PARTYMODE_DATA:-$PWD/.partymode-data}"
    dotnet run --project PartyMode.Cli -c Release -- serve "$@" ;;
  test)
    ensure_chromium
    rm -rf TestResults/trx
    # PARTYMODE_TEST_BINARY=FILE runs the tests on that binary instead (a build from elsewhere).
    [ -n "${PARTYMODE_TEST_BINARY:-}" ] || publish_for_tests
    dotnet test partymode.sln -c Release --logger "trx;LogFilePrefix=results" --results-directory TestResults/trx "$@" ;;
  publish)
    bash scripts/publish.sh "$@" ;;
  bench)
    # PartyMode is measured as users run it: the release binary, published first into dist/ (Native AOT
    # on linux-x64, 2 to 5 minutes). --partymode FILE measures another build, --apphost the built apphost.
    if [[ " $* " != *" --partymode "* && " $* " != *" --apphost "* && "$(uname -s)-$(uname -m)" = Linux-x86_64 ]]; then
      ensure_aot_toolchain
      if bash scripts/publish.sh linux-x64 >&2; then
        set -- --partymode "$(ls "$PWD"/dist/partymode-*-linux-x64)" "$@"
      else
        echo "build.sh: the release binary did not publish; the bench measures the built apphost" >&2
      fi
    fi
    # The harness's own 10,000 client sockets complete inline on their I/O threads (less of the
    # shared CPU spent on the measuring side); the servers it starts run without this setting.
    DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 dotnet run --project bench/PartyMode.Bench -c Release -- "$@" ;;
  soak)
    dotnet run --project bench/PartyMode.Bench -c Release -- soak "$@" ;;
  page)
    # The phone page in Debian's Chromium (#16): tab switch and a 2,000-event catch-up, 1x and 4x CPU throttle.
    ensure_chromium
    dotnet run --project bench/PartyMode.Bench -c Release -- page "$@" ;;
  *)
    echo "usage: ./build.sh [build|run|test|publish|bench|soak|page] [args…]" >&2; exit 2 ;;
esac
