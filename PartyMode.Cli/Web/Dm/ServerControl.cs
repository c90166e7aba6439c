namespace PartyMode.Cli.Web.Dm;

/// <summary>What the DM API knows of the server around it: when it started and how to stop it.</summary>
internal sealed class ServerControl
{
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Set by the host so <c>POST /api/dm/shutdown</c> can stop it.</summary>
    public Action? RequestShutdown { get; set; }
}
