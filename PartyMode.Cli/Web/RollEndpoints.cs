using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web;

/// <summary><c>POST /api/rolls</c>: a player rolls (docs/protocol.md §7.1).</summary>
internal static class RollEndpoints
{
    public static IEndpointRouteBuilder MapRolls(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/rolls", RollAsync).WithMetadata(new RequireRole(Role.Player));
        return app;
    }

    /// <summary>201 with the roll (200 for a retried <c>client_id</c>); a blind roll's answer holds no total.</summary>
    private static async Task<IResult> RollAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var outcome = await game.Rolls.RollAsync(TokenAuthMiddleware.ViewerOf(context), RollInputs.From(body));
        return Wire.Json(w =>
        {
            w.WritePropertyName("roll");
            if (outcome.Blind)
            {
                RollJson.WriteBlindReceipt(w, outcome.Event);
            }
            else
            {
                w.WriteRawValue(EventJson.Bytes(outcome.Event), skipInputValidation: true);
            }
        }, outcome.Created ? 201 : 200);
    }
}
