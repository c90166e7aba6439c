using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Sheets;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM's side of the living sheet (docs/protocol.md §8.2): changes without policy, the approval queue, rests, combatants' damage.</summary>
internal static class SheetChangeEndpoints
{
    public static IEndpointRouteBuilder MapDmSheets(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm").WithMetadata(new RequireRole(Role.Dm));
        dm.MapPost("/characters/{id}/changes", ChangeAsync);
        dm.MapGet("/changes", List);
        dm.MapGet("/changes/{id}", ([FromServices] Game game, string id) => Wire.Json(w =>
        {
            w.WritePropertyName("change");
            SheetJson.WriteChange(w, game.Sheets.GetChange(id));
        }));
        dm.MapPost("/changes/{id}/approve", async ([FromServices] Game game, string id) => SheetEndpoints.Answer(await game.Sheets.ApproveAsync(id)));
        dm.MapPost("/changes/{id}/reject", RejectAsync);
        dm.MapPost("/rest", RestAsync);
        dm.MapPost("/combat/combatants/{id}/damage", (HttpContext c, [FromServices] Game game, string id) => CombatantAsync(c, game, id, heal: false));
        dm.MapPost("/combat/combatants/{id}/heal", (HttpContext c, [FromServices] Game game, string id) => CombatantAsync(c, game, id, heal: true));
        return app;
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return SheetEndpoints.Answer(await game.Sheets.DmChangeAsync(id, SheetEndpoints.Ops(body)));
    }

    private static IResult List(HttpContext context, [FromServices] Game game)
    {
        var text = context.Request.Query["status"].ToString();
        SheetChangeStatus? status = text.Length == 0 ? null : text switch
        {
            "pending" => SheetChangeStatus.Pending,
            "applied" => SheetChangeStatus.Applied,
            "approved" => SheetChangeStatus.Approved,
            "rejected" => SheetChangeStatus.Rejected,
            _ => throw new GameException(ErrorKind.BadRequest, "bad_request", $"Unknown status '{text}': use pending, applied, approved or rejected."),
        };
        var changes = game.Sheets.ListChanges(status);
        return Wire.Json(w => SheetJson.WriteChanges(w, "changes", changes));
    }

    private static async Task<IResult> RejectAsync(HttpContext context, [FromServices] Game game, string id)
    {
        // The reason is optional, and so is the body (an empty one reads as {}).
        var body = await JsonBody.ReadObjectAsync(context);
        return SheetEndpoints.Answer(await game.Sheets.RejectAsync(id, body.String("reason")));
    }

    private static async Task<IResult> RestAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var players = body["players"] is System.Text.Json.Nodes.JsonValue ? (body.String("players") is { } one ? [one] : null) : body.Strings("players");
        var results = await game.Sheets.RestAsync(body.String("kind"), players);
        return Wire.Json(w =>
        {
            w.WriteStartArray("changes");
            foreach (var r in results)
            {
                SheetJson.WriteChange(w, r.Change);
            }

            w.WriteEndArray();
            w.WritePropertyName("characters");
            System.Text.Json.JsonSerializer.Serialize(w, results.Select(r => r.Character!).ToList(), EngineJson.Info<List<PartyMode.Engine.Model.Character>>());
        });
    }

    private static async Task<IResult> CombatantAsync(HttpContext context, Game game, string id, bool heal)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var (combatant, sheet, summary, combat) = await game.Sheets.CombatantHpAsync(id, body.Int("amount"), heal);
        return Wire.Json(w =>
        {
            w.WriteString("summary", summary);
            w.WriteString("status", Engine.Combat.CombatView.StatusOf(combatant).ToString().ToLowerInvariant());
            if (sheet is not null)
            {
                SheetJson.WriteResult(w, sheet);
            }

            CombatJson.WriteProperty(w, combat);
        });
    }
}
