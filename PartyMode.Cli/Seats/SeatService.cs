using PartyMode.Cli.Sockets;
using PartyMode.Engine;

namespace PartyMode.Cli.Seats;

/// <summary>
/// Refresh and kick with their side effects on this machine: the seat's QR image follows its token, and a
/// kick reports the sockets it closes. The DM API and the offline token commands both use it.
/// </summary>
/// <param name="hub">The live sockets; null when no daemon runs (the offline token commands).</param>
internal sealed class SeatService(Game game, JoinLinks links, SocketHub? hub)
{
    public JoinLinks Links { get; } = links;

    /// <summary>A new token for the seat (lifting a kick) and its QR image rewritten for the new link.</summary>
    public async Task<RefreshedSeat> RefreshAsync(string seatId)
    {
        var token = await game.RefreshSeatAsync(seatId);
        var url = Links.JoinUrl(seatId);
        Links.WriteQr(seatId);
        return new RefreshedSeat(seatId, token, url);
    }

    /// <summary>Revokes the seat, deletes its QR image and returns how many sockets it had open.</summary>
    public async Task<int> KickAsync(string seatId)
    {
        // Counted before the kick: the kick's own notice closes them.
        var open = hub?.OpenSockets(seatId) ?? 0;
        await game.KickSeatAsync(seatId);
        Links.DeleteQr(seatId);
        return open;
    }
}
