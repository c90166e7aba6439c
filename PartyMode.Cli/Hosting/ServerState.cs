using System.Net;
using PartyMode.Cli.Sockets;
using PartyMode.Engine;

namespace PartyMode.Cli.Hosting;

/// <summary>What the endpoints share: the game, the socket hub and the server's settings.</summary>
internal sealed class ServerState(Game game, SocketHub hub, PartyServerOptions options, Serilog.ILogger log, DataFolder folder, CountingTimeProvider clock, Storage.LiteDbGameStore store)
{
    private readonly HashSet<IPAddress> _ownAddresses = LanAddresses.Own();

    public Game Game { get; } = game;

    public SocketHub Hub { get; } = hub;

    public PartyServerOptions Options { get; } = options;

    public Serilog.ILogger Log { get; } = log;

    public DataFolder Folder { get; } = folder;

    /// <summary>The server's clock (the configured one, counting its timers).</summary>
    public CountingTimeProvider Time { get; } = clock;

    public Storage.LiteDbGameStore Store { get; } = store;

    public AuthFailures AuthFailures { get; } = new(options.AuthFailLimit, clock, options.ExemptLoopbackFromAuthLimit);

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Join links and QR images.</summary>
    public JoinLinks Links { get; } = new(game, folder);

    /// <summary>Base URL for players' join links (LAN address or --public-url).</summary>
    public string LanUrl => Links.LanUrl;

    /// <summary>Base URL on this machine (the DM's link).</summary>
    public string LocalUrl => Links.LocalUrl;

    /// <summary>Set by the host so <c>POST /api/dm/shutdown</c> can stop it.</summary>
    public Action? RequestShutdown { get; set; }

    public bool IsDmAllowedFrom(IPAddress? remote)
    {
        if (Options.AllowRemoteDm || remote is null)
        {
            return true;
        }

        if (IPAddress.IsLoopback(remote))
        {
            return true;
        }

        var normalized = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return _ownAddresses.Contains(normalized);
    }

    public string JoinUrl(string seatId) => Links.JoinUrl(seatId);
}
