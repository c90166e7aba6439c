# PartyMode build entry point for Windows: ./build.ps1 [run|test|build|publish|bench|soak|page] [args…]
param([Parameter(Position = 0)][string]$Command = "build", [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest = @())
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = "1"; $env:DOTNET_NOLOGO = "1"
switch ($Command) {
  "build"   { dotnet build partymode.sln -c Release @Rest }
  "run"     {
    # A developer's run keeps its game in the repository's .partymode-data/ (git-ignored), not the real data folder.
    if (-not $env:PARTYMODE_DATA) { $env:PARTYMODE_DATA = Join-Path $PSScriptRoot ".partymode-data" }
    dotnet run --project PartyMode.Cli -c Release -- serve @Rest
  }
  "test"    {
    # Browser tests need Chromium; on Windows set PARTYMODE_CHROMIUM to chrome.exe or msedge.exe.
    Remove-Item -Recurse -Force TestResults/trx -ErrorAction SilentlyContinue
    dotnet test partymode.sln -c Release --logger "trx;LogFilePrefix=results" --results-directory TestResults/trx @Rest
  }
  "publish" {
    $version = ([xml](Get-Content Directory.Build.props)).Project.PropertyGroup.Version | Select-Object -First 1
    $rids = if ($Rest.Count -gt 0) { $Rest } else { @("linux-x64", "linux-arm64", "win-x64", "osx-x64", "osx-arm64") }
    New-Item -ItemType Directory -Force dist | Out-Null
    $i = 0
    foreach ($rid in $rids) {
      $i++; $started = Get-Date
      Write-Host "publish: [$i/$($rids.Count)] $rid (a few minutes each)"
      $out = "dist/.publish/$rid"
      dotnet publish PartyMode.Cli/PartyMode.Cli.csproj -c Release -r $rid --self-contained true --artifacts-path dist/.artifacts `
        -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=false -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true `
        -p:DebugType=none -o $out --nologo -v minimal
      $ext = if ($rid -like "win-*") { ".exe" } else { "" }
      $name = "partymode-$version-$rid"
      Copy-Item "$out/partymode$ext" "dist/$name$ext"
      # The binary is not compressed (faster start-up); the download is packed instead.
      New-Item -ItemType Directory -Force "dist/.pack/$name" | Out-Null
      Copy-Item "$out/partymode$ext" "dist/.pack/$name/"
      # The Claude Code slash commands ride along ('partymode mcp install-commands' writes the same files).
      Copy-Item -Recurse integrations/claude-code "dist/.pack/$name/claude-code"
      if ($rid -like "win-*") { Compress-Archive -Force -Path "dist/.pack/$name" -DestinationPath "dist/$name.zip" }
      else { tar -C dist/.pack -czf "dist/$name.tar.gz" $name }
      Remove-Item -Recurse -Force dist/.pack
      Write-Host ("publish: {0} done in {1:mm\:ss}, {2:N1} MiB" -f $rid, ((Get-Date) - $started), ((Get-Item "dist/$name$ext").Length / 1MB))
    }
    Remove-Item -Recurse -Force dist/.publish, dist/.artifacts
    Get-ChildItem dist -Filter "partymode-$version-*" | ForEach-Object { "{0}  {1}" -f (Get-FileHash $_.FullName -Algorithm SHA256).Hash.ToLower(), $_.Name } | Set-Content dist/SHA256SUMS
  }
  "bench"   { $env:DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS = "1"; dotnet run --project bench/PartyMode.Bench -c Release -- @Rest }
  "soak"    { dotnet run --project bench/PartyMode.Bench -c Release -- soak @Rest }
  "page"    { dotnet run --project bench/PartyMode.Bench -c Release -- page @Rest }
  default   { Write-Error "usage: ./build.ps1 [build|run|test|publish|bench|soak|page] [args…]"; exit 2 }
}
exit $LASTEXITCODE
