using PartyMode.Cli.Seats;
using PartyMode.Cli.Security;
using PartyMode.Cli.Sockets;
using PartyMode.Cli.Web;
using PartyMode.Cli.Web.Dm;
using PartyMode.Cli.Web.Handouts;
using PartyMode.Cli.Web.Tv;
using PartyMode.Engine;

namespace PartyMode.Cli.Hosting;

/// <summary>The daemon's table of contents: which services it has and which routes it maps, one feature at a time.</summary>
internal static class PartyModeComposition
{
    /// <summary>
    /// Registers every service. The game and the store open while the host is built, so they (and what
    /// depends on them) are factories over <paramref name="slot"/>, first resolved once it is filled.
    /// </summary>
    public static IServiceCollection AddPartyMode(
        this IServiceCollection services, PartyServerOptions options, DataFolder folder, Serilog.ILogger log, CountingTimeProvider clock, OpenedGameSlot slot, SocketHub hub)
    {
        services.AddSingleton(log);
        services.AddSingleton(clock);
        services.AddSingleton(folder);
        services.AddSingleton(_ => slot.RequireGame());
        services.AddSingleton(_ => new StoreCounters(slot.RequireStore()));
        // A factory, so the container disposes the hub as it does the game.
        services.AddSingleton(_ => hub);
        services.AddSingleton<Sockets.SocketSession>();
        services.AddPartyModeSecurity(clock, options.AuthFailLimit, options.ExemptLoopbackFromAuthLimit, options.AllowRemoteDm);
        services.AddSeats();
        services.AddWebApi();
        services.AddExport();
        services.AddTv(options.TvJoinCodes);
        services.AddHandouts(options.MaxHandoutMb);
        return services;
    }

    public static WebApplication MapPartyMode(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.UseApiPipeline();
        app.MapWebApi();
        app.MapSockets();
        app.MapTvApi();
        return app;
    }
}
