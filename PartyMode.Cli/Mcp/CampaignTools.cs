using System.ComponentModel;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>The DM's view of the campaign: characters, NPCs, locations.</summary>
[McpServerToolType]
internal sealed class CampaignTools(DaemonAccess access)
{
    private const string ChangesExample = "{\"hp\": 12, \"conditions\": [\"poisoned\"]}";

    [McpServerTool(Name = "list_characters", Title = "List the player characters", ReadOnly = true, OpenWorld = false)]
    [Description("Lists every player character with id, class, level, HP, AC and conditions. The character id is also the player's seat id used by the other tools. Example: list_characters().")]
    public Task<CallToolResult> ListCharacters(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.CharactersAsync(cancellationToken);
            var text = new StringBuilder();
            foreach (var character in Items(answer, "characters"))
            {
                text.Append("- ").Append(Summaries.Character(character)).Append('\n');
            }

            return ToolResults.Ok(text.Length == 0 ? "No characters." : text.ToString().TrimEnd(), answer);
        });

    [McpServerTool(Name = "get_character", Title = "Read a character sheet", ReadOnly = true, OpenWorld = false)]
    [Description("Returns a player character's full sheet: abilities, skills, saving throws, HP, AC, conditions, inventory, spell slots, features and secret background. Read it before resolving that player's action to pick the right bonus for a roll. Example: get_character(id=\"thorin\").")]
    public Task<CallToolResult> GetCharacter(
        [Description("The character id, which is also the player id, e.g. \"thorin\".")] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.CharacterAsync(id, cancellationToken);
            var sheet = Sheet(answer);
            return ToolResults.Ok(Summaries.Character(sheet) + "\nSheet: " + Summaries.Json(sheet), answer);
        });

    [McpServerTool(Name = "update_character", Title = "Change a character sheet", Destructive = false, OpenWorld = false)]
    [Description("Changes fields of a player character's sheet; given fields replace the old values, lists (conditions, inventory, features) replace the whole list, others stay. The player's page and the party roster update at once. For HP, spell slots, hit dice and death saves use party_apply_damage, party_heal, party_spend_slot or party_change_sheet instead: they do the arithmetic and tell the player what happened. Example: update_character(id=\"thorin\", changes={\"conditions\": [\"poisoned\"], \"inventory\": [\"rope\", \"torch\"]}).")]
    public Task<CallToolResult> UpdateCharacter(
        [Description("The character id, e.g. \"thorin\".")] string id,
        [Description("An object of sheet fields to set, e.g. {\"hp\": 12, \"temp_hp\": 0, \"conditions\": [\"poisoned\"], \"inventory\": [\"rope\", \"torch\"]}. A JSON string of such an object is accepted too.")] JsonElement changes,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var body = ToolArguments.Object(changes, "changes", ChangesExample)
                ?? throw new ToolInputException($"changes must set at least one field, for example {ChangesExample}.");
            var answer = await client.UpdateCharacterAsync(id, body, cancellationToken);
            var text = $"Updated {id} ({string.Join(", ", body.Select(p => p.Key))}); the player's page and the party roster were updated.\n{Summaries.Character(Sheet(answer))}";
            return ToolResults.Ok(text, answer);
        });

    [McpServerTool(Name = "list_npcs", Title = "List the NPCs", ReadOnly = true, OpenWorld = false)]
    [Description("Lists every NPC of the campaign with the DM's notes, and whether the players know them yet. Example: list_npcs().")]
    public Task<CallToolResult> ListNpcs(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.NpcsAsync(cancellationToken);
            return ToolResults.Ok(Lines(Items(answer, "npcs"), "known"), answer);
        });

    [McpServerTool(Name = "get_npc", Title = "Read an NPC", ReadOnly = true, OpenWorld = false)]
    [Description("Returns one NPC with everything the DM knows (biography, secrets, notes). Example: get_npc(id=\"tavern-keeper\").")]
    public Task<CallToolResult> GetNpc(
        [Description("The NPC id, e.g. \"tavern-keeper\" (see list_npcs).")] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.NpcAsync(id, cancellationToken);
            return ToolResults.Ok("NPC " + Summaries.Json(Single(answer, "npc")), answer);
        });

    [McpServerTool(Name = "list_locations", Title = "List the locations", ReadOnly = true, OpenWorld = false)]
    [Description("Lists every location of the campaign with the DM's notes, and whether the players have discovered it. Example: list_locations().")]
    public Task<CallToolResult> ListLocations(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.LocationsAsync(cancellationToken);
            return ToolResults.Ok(Lines(Items(answer, "locations"), "discovered"), answer);
        });

    [McpServerTool(Name = "get_location", Title = "Read a location", ReadOnly = true, OpenWorld = false)]
    [Description("Returns one location with everything the DM knows (description, secrets, notes). Example: get_location(id=\"old-mill\").")]
    public Task<CallToolResult> GetLocation(
        [Description("The location id, e.g. \"old-mill\" (see list_locations).")] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.LocationAsync(id, cancellationToken);
            return ToolResults.Ok("Location " + Summaries.Json(Single(answer, "location")), answer);
        });

    [McpServerTool(Name = "reveal_npc", Title = "Reveal an NPC to the players", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Makes an NPC known to the players (it appears in their NPC list, public fields only) and tells the table with an event. Example: reveal_npc(id=\"villain\", narrative=\"A cloaked figure steps out of the shadows.\").")]
    public Task<CallToolResult> RevealNpc(
        [Description("The NPC id, e.g. \"villain\".")] string id,
        [Description("Optional narration that introduces the NPC to the table.")] string? narrative = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
            ToolResults.Ok($"The players now know the NPC {id}.", await client.RevealNpcAsync(id, narrative, cancellationToken)));

    [McpServerTool(Name = "reveal_location", Title = "Reveal a location to the players", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Marks a location as discovered (it appears in the players' location list, public fields only) and tells the table with an event. Example: reveal_location(id=\"old-mill\", narrative=\"Through the rain you see the old mill.\").")]
    public Task<CallToolResult> RevealLocation(
        [Description("The location id, e.g. \"old-mill\".")] string id,
        [Description("Optional narration that introduces the place.")] string? narrative = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
            ToolResults.Ok($"The players have discovered the location {id}.", await client.RevealLocationAsync(id, narrative, cancellationToken)));

    private static IEnumerable<JsonElement> Items(JsonElement answer, string name) =>
        answer.ValueKind == JsonValueKind.Array ? answer.EnumerateArray() : answer.Items(name);

    private static JsonElement Sheet(JsonElement answer) => Single(answer, "character");

    private static JsonElement Single(JsonElement answer, string name) =>
        answer.Prop(name).ValueKind == JsonValueKind.Object ? answer.Prop(name) : answer;

    private static string Lines(IEnumerable<JsonElement> items, string flag)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            text.Append($"- {item.Str("id")}: {item.Str("name")} ({(item.Bool(flag) ? flag : "not " + flag + " yet")}) {Summaries.Json(item)}\n");
        }

        return text.Length == 0 ? "None." : text.ToString().TrimEnd();
    }
}
