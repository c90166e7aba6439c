using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM asks a player for a roll, lists, waits for and cancels requests (docs/protocol.md §7.2).</summary>
internal static class RollRequestEndpoints
{
    public static IEndpointRouteBuilder MapDmRollRequests(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm/roll-requests").WithMetadata(new RequireRole(Role.Dm));
        dm.MapPost("", CreateAsync);
        dm.MapGet("", List);
        dm.MapGet("/{id}", GetAsync);
        dm.MapPost("/{id}/cancel", CancelAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        bool? allowPhysical = body["allow_physical"] is null ? null : body.Bool("allow_physical");
        var request = await game.Rolls.RequestAsync(
            body.String("player"), body.String("expr"), body.String("mode"), body.Int("dc"), body.String("visibility"), body.String("reason"), allowPhysical);
        return One(request, 201);
    }

    private static IResult List(HttpContext context, [FromServices] Game game)
    {
        var text = context.Request.Query["status"].ToString();
        RollRequestStatus? status = text.Length == 0 ? null : text switch
        {
            "open" => RollRequestStatus.Open,
            "rolled" => RollRequestStatus.Rolled,
            "cancelled" => RollRequestStatus.Cancelled,
            _ => throw new GameException(ErrorKind.BadRequest, "bad_request", $"Unknown status '{text}': use open, rolled or cancelled."),
        };
        var requests = game.Rolls.ListRequests(status);
        return Wire.Json(w => RollJson.WriteRequests(w, "requests", requests, forDm: true));
    }

    private static async Task<IResult> GetAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var text = context.Request.Query["wait"].ToString();
        var wait = 0.0;
        if (text.Length > 0 && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out wait) || !double.IsFinite(wait) || wait < 0 || wait > 60))
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", "'wait' is seconds from 0 to 60.");
        }

        return One(await game.Rolls.GetRequestAsync(id, TimeSpan.FromSeconds(wait), context.RequestAborted));
    }

    private static async Task<IResult> CancelAsync([FromServices] Game game, string id) => One(await game.Rolls.CancelRequestAsync(id));

    private static IResult One(RollRequest request, int status = 200) => Wire.Json(w =>
    {
        w.WritePropertyName("request");
        RollJson.WriteRequest(w, request, forDm: true);
    }, status);
}
