using Microsoft.Extensions.Logging;
using PartyMode.Cli.Client;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.Mcp;

/// <summary>
/// The MCP server's way to the daemon: re-reads daemon.json on every call (the daemon may have been
/// started or stopped since), and keeps one HTTP client while it names the same daemon.
/// </summary>
internal sealed class DaemonAccess(McpSettings settings, ILogger<DaemonAccess> logger) : IDisposable
{
    private readonly Lock gate = new();
    private DaemonClient? cached;

    public DataFolder Folder => settings.Folder;

    public ILogger Logger => logger;

    /// <summary>A client for the running daemon; throws <see cref="DaemonNotRunningException"/> when none runs.</summary>
    public DaemonClient Client()
    {
        var info = DaemonProbe.TryRead(settings.Folder);
        lock (gate)
        {
            if (cached is not null && info is not null && cached.Info == info)
            {
                return cached;
            }

            // The old client is not disposed: a concurrent call may still use it (its idle connections time out).
            cached = DaemonClient.Open(settings.Folder);
            return cached;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            cached?.Dispose();
            cached = null;
        }
    }
}
