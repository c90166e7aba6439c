namespace PartyMode.Cli.Limits;

/// <summary>
/// How many connections the daemon accepts (docs/reliability.md "Connection limits"). Each TCP
/// connection holds one open file; past the process's open-file limit the runtime cannot open a
/// file, a socket or a thread and the daemon dies, so the cap keeps headroom below that limit.
/// </summary>
/// <param name="MaxConnections">TCP connections open at once from other machines; more are answered 503 and closed.</param>
/// <param name="PerAddress">TCP connections one remote address may hold (0: no cap); the DM's own machine is exempt.</param>
/// <param name="ObserversPerAddress">Observer sockets one remote address may hold (0: no cap; the DM's own machine is exempt); more are closed with 1013.</param>
/// <param name="FileLimit">The open-file limit the cap was derived from, if there is one.</param>
internal sealed record ConnectionLimits(int MaxConnections, int PerAddress, int ObserversPerAddress, long? FileLimit)
{
    /// <summary>Used where the platform has no open-file limit to derive a cap from (Windows).</summary>
    public const int DefaultWithoutFileLimit = 16_384;

    /// <summary>
    /// Connections kept for the DM's own machine (127.0.0.1 and ::1: the DM view, MCP, the CLI) above
    /// <see cref="MaxConnections"/>, so a flood from the network never locks the DM out of the game.
    /// </summary>
    public const int LocalReserve = 32;

    /// <summary>The cap for the DM's own machine.</summary>
    public int MaxLocalConnections => MaxConnections + LocalReserve;

    /// <summary>Derives the caps; a requested maximum above what the file limit allows is lowered to it.</summary>
    /// <param name="requested">The user's maximum for other machines, or 0 for automatic.</param>
    /// <param name="perAddress">TCP connections per address (0: no cap).</param>
    /// <param name="observersPerAddress">Observer sockets per address (0: no cap).</param>
    /// <param name="fileLimit">The process's open-file limit, if any.</param>
    /// <param name="openFiles">Files the process holds open already (libraries, logs, the data file).</param>
    public static ConnectionLimits Derive(int requested, int perAddress, int observersPerAddress, long? fileLimit, int openFiles = 0)
    {
        // The ceiling is what all sockets together may hold; the DM's reserve comes out of it.
        var ceiling = fileLimit is { } limit ? (int)Math.Clamp(limit - openFiles - Headroom(limit), LocalReserve + 16, int.MaxValue) : DefaultWithoutFileLimit;
        var max = requested > 0 ? Math.Min(requested, ceiling - LocalReserve) : ceiling - LocalReserve;
        return new ConnectionLimits(max, perAddress, observersPerAddress, fileLimit);
    }

    /// <summary>True when the user asked for more than the open-file limit allows.</summary>
    public bool Lowered(int requested) => requested > MaxConnections;

    /// <summary>True for the DM's own machine: exempt from the per-address caps, with <see cref="LocalReserve"/> more connections.</summary>
    public static bool IsLocal(System.Net.IPAddress? address) =>
        address is not null && (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) is var a
        && (a.Equals(System.Net.IPAddress.Loopback) || a.Equals(System.Net.IPAddress.IPv6Loopback));

    // Files the daemon opens later besides sockets (libraries loaded on first use, log rolls, backups,
    // connections being refused): an eighth of the limit, never fewer than 64.
    private static long Headroom(long limit) => Math.Max(64, limit / 8);
}
