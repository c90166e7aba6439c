namespace PartyMode.Bench;

/// <summary>Where things are, from the repository root (found by walking up to partymode.sln).</summary>
internal sealed class RepoPaths
{
    private RepoPaths(string root) => Root = root;

    public string Root { get; }

    public string CliProject => Path.Combine(Root, "PartyMode.Cli");

    /// <summary>The apphost `dotnet build PartyMode.Cli -c Release` produces.</summary>
    public string PartyModeBinary => Path.Combine(Root, "PartyMode.Cli", "bin", "Release", "net10.0", "partymode");

    public string PeersFolder => Path.Combine(Root, "bench", "peers");

    public string RelayScript => Path.Combine(PeersFolder, "relay.js");

    public string BunRelayScript => Path.Combine(PeersFolder, "relay-bun.js");

    /// <summary>Bun from the npm package (its install script moves the binary into bun/bin; without it, the platform package holds it).</summary>
    public string BunExecutable
    {
        get
        {
            var platform = Path.Combine(PeersFolder, "node_modules", "@oven", "bun-linux-x64", "bin", "bun");
            return File.Exists(platform) ? platform : Path.Combine(PeersFolder, "node_modules", "bun", "bin", "bun.exe");
        }
    }

    public string ResultsFolder => Path.Combine(Root, "bench", "results");

    /// <summary>The published single-file binary, if `./build.sh publish` made one.</summary>
    public string? PublishedBinary
    {
        get
        {
            var dist = Path.Combine(Root, "dist");
            if (!Directory.Exists(dist))
            {
                return null;
            }

            return Directory.EnumerateFiles(dist, "partymode-*-linux-x64", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .LastOrDefault();
        }
    }

    public static RepoPaths Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "partymode.sln")))
                {
                    return new RepoPaths(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException("cannot find partymode.sln above the working directory; run from the repository (./build.sh bench)");
    }
}
