using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Seats;
using PartyMode.Cli.Sockets;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Tv;

/// <summary>
/// The TV lobby (docs/protocol.md §3.6.8): who has joined, and with <c>serve --tv-join-codes</c> a join QR
/// code per seat not yet connected. Off by default: anyone who sees the TV could join with it.
/// </summary>
internal static class TvEndpoints
{
    public static IServiceCollection AddTv(this IServiceCollection services, bool joinCodes) =>
        services.AddSingleton(new TvSettings(joinCodes));

    public static IEndpointRouteBuilder MapTvApi(this IEndpointRouteBuilder app)
    {
        var tv = new RequireRole(Role.Observer, Role.Dm);
        app.MapGet("/api/tv/lobby", Lobby).WithMetadata(tv);
        app.MapGet("/api/tv/seats/{id}/qr.png", Qr).WithMetadata(tv);
        return app;
    }

    private static IResult Lobby([FromServices] Game game, [FromServices] SocketHub hub, [FromServices] TvSettings tv)
    {
        var players = game.Seats().Where(s => s.Role == Role.Player && !s.Kicked).ToList();
        return Wire.Json(w =>
        {
            w.WriteBoolean("join_codes", tv.JoinCodes);
            w.WriteNumber("joined", players.Count(s => hub.IsConnected(s.Id)));
            w.WriteNumber("total", players.Count);
            w.WriteStartArray("seats");
            foreach (var seat in players)
            {
                var connected = hub.IsConnected(seat.Id);
                w.WriteStartObject();
                w.WriteString("id", seat.Id);
                w.WriteString("name", seat.Name);
                w.WriteBoolean("connected", connected);
                if (tv.JoinCodes && !connected)
                {
                    w.WriteString("qr", $"/api/tv/seats/{Uri.EscapeDataString(seat.Id)}/qr.png");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static IResult Qr([FromServices] Game game, [FromServices] SocketHub hub, [FromServices] JoinLinks links, [FromServices] TvSettings tv, string id)
    {
        if (!tv.JoinCodes)
        {
            throw new GameException(ErrorKind.Forbidden, "tv_join_codes_off", "The TV shows join codes only when the DM starts the server with 'serve --tv-join-codes'.");
        }

        var seat = game.Seats().FirstOrDefault(s => s.Id == id && s.Role == Role.Player)
            ?? throw new GameException(ErrorKind.NotFound, "not_found", $"No player seat '{id}'.");
        if (seat.Kicked || hub.IsConnected(seat.Id))
        {
            throw new GameException(ErrorKind.Conflict, "seat_taken", $"Seat '{id}' is already connected or removed; the TV shows codes for open seats only.");
        }

        return Results.Bytes(QrCodes.RenderPng(links.JoinUrl(id)), "image/png");
    }
}
