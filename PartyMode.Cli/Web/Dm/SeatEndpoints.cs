using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Seats;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM's seats: the list with links, a new token (refresh), a kick and a seat's QR image.</summary>
internal static class SeatEndpoints
{
    public static IEndpointRouteBuilder MapDmSeats(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm/seats").WithMetadata(new RequireRole(Role.Dm));
        dm.MapGet("", ([FromServices] Game game, [FromServices] JoinLinks links) => Wire.Json(w => SeatList.Write(w, game, links)));
        dm.MapPost("/{id}/token", RefreshAsync);
        dm.MapPost("/{id}/kick", KickAsync);
        dm.MapGet("/{id}/qr.png", Qr);
        return app;
    }

    private static async Task<IResult> RefreshAsync([FromServices] SeatService seats, string id)
    {
        var refreshed = await seats.RefreshAsync(id);
        return Wire.Json(w =>
        {
            w.WriteString("seat", refreshed.SeatId);
            w.WriteString("token", refreshed.Token);
            w.WriteString("url", refreshed.Url);
        });
    }

    private static async Task<IResult> KickAsync([FromServices] SeatService seats, string id)
    {
        var closed = await seats.KickAsync(id);
        return Wire.Json(w =>
        {
            w.WriteString("seat", id);
            w.WriteBoolean("kicked", true);
            w.WriteNumber("closed_connections", closed);
        });
    }

    private static IResult Qr([FromServices] Game game, [FromServices] JoinLinks links, string id)
    {
        var seat = game.Seats().FirstOrDefault(s => s.Id == id) ?? throw new GameException(ErrorKind.NotFound, "not_found", $"No seat '{id}'.");
        if (seat.Kicked)
        {
            throw new GameException(ErrorKind.Conflict, "seat_kicked", $"Seat '{id}' is kicked; refresh its token to get a new QR code.");
        }

        return Results.Bytes(QrCodes.RenderPng(links.JoinUrl(id)), "image/png");
    }
}
