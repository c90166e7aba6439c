namespace PartyMode.Cli.Mcp;

/// <summary>The program (and leading arguments) that runs <c>partymode</c>: the apphost, or <c>dotnet partymode.dll</c>.</summary>
internal sealed record DaemonLaunchCommand(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The executable of this process; under <c>dotnet partymode.dll</c>, the dotnet host plus the dll.</summary>
    public static DaemonLaunchCommand ForCurrentProcess()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this executable is unknown, so Party Mode cannot start its daemon.");
        var name = Path.GetFileNameWithoutExtension(processPath);
        if (string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Only reached under `dotnet partymode.dll`, never in the single-file build.
            var dll = Path.Combine(AppContext.BaseDirectory, "partymode.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException("Running under dotnet without an entry assembly path, so Party Mode cannot start its daemon.");
            }

            return new DaemonLaunchCommand(processPath, [dll]);
        }

        return new DaemonLaunchCommand(processPath, []);
    }

    /// <summary>A built <c>partymode</c> binary: the apphost if present, else <c>dotnet partymode.dll</c>.</summary>
    public static DaemonLaunchCommand ForBinary(string apphostOrDll)
    {
        if (apphostOrDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return new DaemonLaunchCommand("dotnet", [apphostOrDll]);
        }

        return new DaemonLaunchCommand(apphostOrDll, []);
    }
}
