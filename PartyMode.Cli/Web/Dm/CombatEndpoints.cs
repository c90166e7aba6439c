using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM's combat endpoints (docs/protocol.md §3.7.17): each answers <c>{combat}</c>, the DM view.</summary>
internal static class CombatEndpoints
{
    public static IEndpointRouteBuilder MapDmCombat(this IEndpointRouteBuilder app)
    {
        var combat = app.MapGroup("/api/dm/combat").WithMetadata(new RequireRole(Role.Dm));
        combat.MapGet("", ([FromServices] Game game) => Combat(game.CombatView(Viewer.Dm)));
        combat.MapPost("/start", StartAsync);
        combat.MapPatch("/combatants/{id}", UpdateAsync);
        combat.MapPost("/next-turn", async ([FromServices] Game game) => Combat(await game.NextTurnAsync()));
        combat.MapPost("/simultaneous", SimultaneousAsync);
        combat.MapPost("/end", async ([FromServices] Game game) => Combat(await game.EndCombatAsync()));
        return app;
    }

    private static IResult Combat(CombatView? view) => Wire.Json(w => Protocol.CombatJson.WriteProperty(w, view));

    private static async Task<IResult> StartAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var node = body["combatants"];
        if (node?.GetValueKind() == JsonValueKind.String)
        {
            // AI clients sometimes send the list as a JSON string; accept it as the MCP tools do.
            node = ParseOrNull(node.GetValue<string>());
        }

        if (node is not JsonArray list)
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request",
                "'combatants' must be a list like [{\"id\":\"thorin\",\"kind\":\"pc\",\"initiative\":17},{\"id\":\"goblin-1\",\"kind\":\"npc\",\"name\":\"Goblin\",\"initiative\":12,\"hp\":7}].");
        }

        var specs = list.Select((item, i) => ReadSpec(item, i)).ToList();
        return Combat(await game.StartCombatAsync(specs));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        bool? hidden = body["hidden"] is null ? null : body.Bool("hidden");
        return Combat(await game.UpdateCombatantAsync(id, body.Int("hp"), body.Strings("conditions"), hidden));
    }

    private static async Task<IResult> SimultaneousAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var players = body.Strings("players") ?? (body.String("players") is { } one ? [one] : null);
        return Combat(await game.SimultaneousRoundAsync(body.String("prompt"), body.Int("timeout_seconds") ?? 300, players));
    }

    private static CombatantSpec ReadSpec(JsonNode? item, int index)
    {
        if (item is not JsonObject c)
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", $"combatants[{index}] must be an object.");
        }

        try
        {
            return new CombatantSpec
            {
                Id = c.String("id"),
                Name = c.String("name"),
                Kind = c.String("kind"),
                Initiative = c.Int("initiative"),
                Hp = c.Int("hp"),
                MaxHp = c.Int("max_hp"),
                Ac = c.Int("ac"),
                Dex = c.Int("dex"),
                Hidden = c["hidden"] is null ? null : c.Bool("hidden"),
            };
        }
        catch (GameException ex)
        {
            throw new GameException(ex.Kind, ex.Code, $"combatants[{index}]: {ex.Message}");
        }
    }

    private static JsonNode? ParseOrNull(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
