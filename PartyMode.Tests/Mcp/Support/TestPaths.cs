namespace PartyMode.Tests.Mcp.Support;

/// <summary>Where the repository and the built <c>partymode</c> executable are, seen from the test assembly.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The build configuration of the test assembly (bin/&lt;Config&gt;/net10.0).</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    /// <summary>The built apphost of PartyMode.Cli for the same configuration.</summary>
    public static string PartymodeExecutable
    {
        get
        {
            var folder = Path.Combine(RepoRoot, "PartyMode.Cli", "bin", Configuration, "net10.0");
            var exe = Path.Combine(folder, OperatingSystem.IsWindows() ? "partymode.exe" : "partymode");
            if (!File.Exists(exe))
            {
                Assert.Fail($"The partymode executable is not built at {exe}: build the solution in {Configuration} first.");
            }

            return exe;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "partymode.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("partymode.sln not found above " + AppContext.BaseDirectory);
    }
}
