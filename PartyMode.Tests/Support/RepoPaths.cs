namespace PartyMode.Tests.Support;

/// <summary>Paths in the repository and to the built <c>partymode</c> executable.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The partymode the child-process tests run: the published release binary when <c>PARTYMODE_TEST_BINARY</c>
    /// names one (<c>./build.sh test</c> publishes the Native AOT file first), else the apphost built next to this
    /// test assembly's configuration.
    /// </summary>
    public static string Executable => ReleaseBinary ?? BuiltApphost;

    /// <summary>The release binary named by <c>PARTYMODE_TEST_BINARY</c>, or null.</summary>
    public static string? ReleaseBinary =>
        Environment.GetEnvironmentVariable("PARTYMODE_TEST_BINARY") is { Length: > 0 } path ? Path.GetFullPath(path, Root) : null;

    private static string BuiltApphost
    {
        get
        {
            var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var name = OperatingSystem.IsWindows() ? "partymode.exe" : "partymode";
            // The test project references the CLI project, so its build output sits beside the tests.
            var beside = Path.Combine(AppContext.BaseDirectory, name);
            return File.Exists(beside) ? beside : Path.Combine(Root, "PartyMode.Cli", "bin", config, "net10.0", name);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "partymode.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("partymode.sln not found above the test folder.");
    }
}
