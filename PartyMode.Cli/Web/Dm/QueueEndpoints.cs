using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM's side of the action queue: list, take the next (or any pending one), resolve, requeue, cancel.</summary>
internal static class QueueEndpoints
{
    public static IEndpointRouteBuilder MapDmQueue(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm/actions").WithMetadata(new RequireRole(Role.Dm));
        dm.MapGet("", List);
        dm.MapPost("/next", NextAsync);
        dm.MapPost("/{id}/take", TakeAsync);
        dm.MapPost("/{id}/resolve", ResolveAsync);
        dm.MapPost("/{id}/requeue", RequeueAsync);
        dm.MapPost("/{id}/cancel", CancelAsync);
        return app;
    }

    private static IResult List(HttpContext context, [FromServices] Game game)
    {
        var text = context.Request.Query["status"].ToString();
        ActionStatus? status = text.Length == 0 ? null : Protocol.StatusWords.Parse(text)
            ?? throw new GameException(ErrorKind.BadRequest, "bad_request", $"Unknown status '{text}': use {Protocol.StatusWords.All}.");
        return Wire.Actions(game.ListActions(status));
    }

    private static async Task<IResult> NextAsync(HttpContext context, [FromServices] Game game)
    {
        var text = context.Request.Query["wait"].ToString();
        var wait = 0.0;
        if (text.Length > 0 && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out wait) || !double.IsFinite(wait) || wait < 0 || wait > 60))
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", "'wait' is seconds from 0 to 60.");
        }

        var action = await game.NextActionAsync(TimeSpan.FromSeconds(wait), context.RequestAborted);
        return action is null ? Results.NoContent() : Wire.Action(action);
    }

    private static async Task<IResult> ResolveAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var (action, events) = await game.ResolveAsync(id, body.String("narrative"), body.StringMap("private"), body.String("dm_only"), AudienceWords.NarrativeAudience(body["audience"]));
        return Wire.Json(w =>
        {
            w.WritePropertyName("action");
            Protocol.EventJson.WriteAction(w, action);
            Wire.WriteEvents(w, events);
        });
    }

    private static async Task<IResult> TakeAsync([FromServices] Game game, string id) => Wire.Action(await game.TakeActionAsync(id));

    private static async Task<IResult> RequeueAsync([FromServices] Game game, string id) => Wire.Action(await game.RequeueAsync(id));

    private static async Task<IResult> CancelAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Action(await game.CancelAsync(id, body.String("reason")));
    }
}
