namespace PartyMode.Cli.Sockets;

/// <summary>What <see cref="UpgradeRequest.Inspect"/> makes of a connection's first bytes.</summary>
internal enum UpgradeVerdict
{
    /// <summary>Not all of the request head has arrived yet, and it may still be an upgrade to take.</summary>
    NeedMore,

    /// <summary>A valid WebSocket upgrade to <c>/ws</c> from an allowed origin.</summary>
    Take,

    /// <summary>Anything else: HTTP answers it.</summary>
    Pass,
}
