using PartyMode.Cli.Sockets;
using PartyMode.Engine;

namespace PartyMode.Cli.Seats;

/// <summary>Join links and the seat service over the game, the data folder and the live sockets.</summary>
internal static class SeatServices
{
    public static IServiceCollection AddSeats(this IServiceCollection services) => services
        .AddSingleton(sp => new JoinLinks(sp.GetRequiredService<Game>(), sp.GetRequiredService<DataFolder>()))
        .AddSingleton(sp => new SeatService(sp.GetRequiredService<Game>(), sp.GetRequiredService<JoinLinks>(), sp.GetRequiredService<SocketHub>()));
}
