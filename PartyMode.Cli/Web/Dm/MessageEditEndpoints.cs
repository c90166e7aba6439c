using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM edits or retracts a message it sent (docs/protocol.md §3.7.19).</summary>
internal static class MessageEditEndpoints
{
    public static IEndpointRouteBuilder MapDmMessageEdits(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm/events").WithMetadata(new RequireRole(Role.Dm));
        dm.MapPost("/{seq}/edit", EditAsync);
        dm.MapPost("/{seq}/retract", RetractAsync);
        return app;
    }

    private static async Task<IResult> EditAsync(HttpContext context, [FromServices] Game game, string seq)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Events([await game.EditMessageAsync(Seq(seq), body.String("text"))]);
    }

    private static async Task<IResult> RetractAsync([FromServices] Game game, string seq) =>
        Wire.Events([await game.RetractMessageAsync(Seq(seq))]);

    private static long Seq(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq >= 1
            ? seq
            : throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{text}' is not a seq: use the whole number (at least 1) of the message to change, e.g. /api/dm/events/12/edit.");
}
