using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Hosting;
using PartyMode.Engine;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web;

/// <summary>The DM's combat endpoints (PROTOCOL §3): each answers <c>{combat}</c>, the DM view.</summary>
internal static class CombatEndpoints
{
    public static IEndpointRouteBuilder MapCombat(this IEndpointRouteBuilder app)
    {
        var combat = app.MapGroup("/api/dm/combat").WithMetadata(new RequireRole(Role.Dm));
        combat.MapGet("", (ServerState s) => Combat(s.Game.CombatView(Viewer.Dm)));
        combat.MapPost("/start", StartAsync);
        combat.MapPatch("/combatants/{id}", UpdateAsync);
        combat.MapPost("/next-turn", async (ServerState s) => Combat(await s.Game.NextTurnAsync()));
        combat.MapPost("/simultaneous", SimultaneousAsync);
        combat.MapPost("/end", async (ServerState s) => Combat(await s.Game.EndCombatAsync()));
        return app;
    }

    private static IResult Combat(CombatView? view) => Wire.Json(w => Protocol.CombatJson.WriteProperty(w, view));

    private static async Task<IResult> StartAsync(HttpContext context, ServerState state)
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
        return Combat(await state.Game.StartCombatAsync(specs));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, ServerState state, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        bool? hidden = body["hidden"] is null ? null : body.Bool("hidden");
        return Combat(await state.Game.UpdateCombatantAsync(id, body.Int("hp"), body.Strings("conditions"), hidden));
    }

    private static async Task<IResult> SimultaneousAsync(HttpContext context, ServerState state)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var players = body.Strings("players") ?? (body.String("players") is { } one ? [one] : null);
        return Combat(await state.Game.SimultaneousRoundAsync(body.String("prompt"), body.Int("timeout_seconds") ?? 300, players));
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
