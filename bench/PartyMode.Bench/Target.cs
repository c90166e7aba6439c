namespace PartyMode.Bench;

/// <summary>A server the harness can start: PartyMode's binary, the Node reference relay or the Bun one.</summary>
internal sealed record Target(string Name, string Executable, IReadOnlyList<string> PrefixArgs)
{
    /// <summary>Environment variables for this server only (a <c>--variant</c>'s runtime settings).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public static Target PartyMode(string binary) => new("partymode", binary, ["serve"]);

    public static Target Node(RepoPaths paths) => new("node", "node", [paths.RelayScript]);

    public static Target Bun(RepoPaths paths) => new("bun", paths.BunExecutable, [paths.BunRelayScript]);
}
