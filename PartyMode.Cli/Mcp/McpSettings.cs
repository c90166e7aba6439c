namespace PartyMode.Cli.Mcp;

/// <summary>How <c>partymode mcp</c> runs: its data folder and how it launches a daemon.</summary>
internal sealed class McpSettings
{
    public required DataFolder Folder { get; init; }

    /// <summary>The command that runs <c>partymode</c> (null: this very executable).</summary>
    public DaemonLaunchCommand? LaunchCommand { get; init; }

    /// <summary>How long <c>start_party_mode</c> waits for the daemon to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
