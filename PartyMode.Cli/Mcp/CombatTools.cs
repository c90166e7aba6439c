using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>Combat: initiative, turns, simultaneous rounds.</summary>
[McpServerToolType]
internal sealed class CombatTools(DaemonAccess access)
{
    private const string CombatantsExample =
        "[{\"id\": \"thorin\", \"name\": \"Thorin\", \"initiative\": 17, \"kind\": \"pc\"}, {\"id\": \"goblin-1\", \"name\": \"Goblin\", \"initiative\": 12, \"kind\": \"npc\", \"hp\": 7, \"max_hp\": 7, \"ac\": 15}]";

    [McpServerTool(Name = "party_start_combat", Title = "Start combat", OpenWorld = false)]
    [Description("Starts turn-based combat: round 1, combatants ordered by initiative, the first one active; from then on only the active character's player may act. Roll initiative first (party_roll) and list every combatant. A PC's HP and AC default to its sheet. Example: party_start_combat(combatants=" + CombatantsExample + ").")]
    public Task<CallToolResult> PartyStartCombat(
        [Description("The list of combatants, each {id, name, initiative, kind: \"pc\" or \"npc\", hp?, max_hp?, ac?, dex?, hidden?}; a PC's id is its character id; hidden NPCs are seen only by you. A JSON string of the list is accepted too.")] JsonElement combatants,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var list = ToolArguments.List(combatants, "combatants", CombatantsExample);
            return Combat("Combat started.", await client.StartCombatAsync(new JsonObject { ["combatants"] = list }, cancellationToken));
        });

    [McpServerTool(Name = "party_next_turn", Title = "Next turn", OpenWorld = false)]
    [Description("Ends the active combatant's turn and makes the next one in initiative order active (a new round after the last). Call it after resolving the active character's action or narrating an NPC's turn. Example: party_next_turn().")]
    public Task<CallToolResult> PartyNextTurn(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client => Combat("Next turn.", await client.NextTurnAsync(cancellationToken)));

    [McpServerTool(Name = "party_update_combatant", Title = "Update a combatant", Destructive = false, OpenWorld = false)]
    [Description("Changes a combatant's HP, conditions or hidden flag (an NPC's exact HP stays DM-only; players see healthy/bloodied/down). For a PC, prefer update_character so the sheet changes too. Example: party_update_combatant(id=\"goblin-1\", hp=2, conditions=[\"prone\"]).")]
    public Task<CallToolResult> PartyUpdateCombatant(
        [Description("The combatant id, e.g. \"goblin-1\".")] string id,
        [Description("New current HP.")] int? hp = null,
        [Description("The full new list of conditions, e.g. [\"prone\", \"frightened\"]; [] clears them.")] JsonElement? conditions = null,
        [Description("true hides the combatant from the players (an ambusher); false reveals it.")] bool? hidden = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var body = new JsonObject();
            if (hp is not null)
            {
                body["hp"] = hp.Value;
            }

            if (conditions is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
            {
                body["conditions"] = ToolArguments.IdList(conditions, "conditions") ?? [];
            }

            if (hidden is not null)
            {
                body["hidden"] = hidden.Value;
            }

            if (body.Count == 0)
            {
                throw new ToolInputException("Give at least one of hp, conditions or hidden, for example party_update_combatant(id=\"goblin-1\", hp=2).");
            }

            return Combat($"Updated {id}.", await client.UpdateCombatantAsync(id, body, cancellationToken));
        });

    [McpServerTool(Name = "party_simultaneous_round", Title = "Open a simultaneous round", OpenWorld = false)]
    [Description("Opens a simultaneous round (in combat or out of it, e.g. a group check or a surprise round): each listed player may submit exactly one action until all have or the time runs out; then their actions come out of party_pop_action in initiative order. Example: party_simultaneous_round(prompt=\"The bridge collapses! What do you do?\", timeout_seconds=120).")]
    public Task<CallToolResult> PartySimultaneousRound(
        [Description("What the players are asked, shown on their pages.")] string prompt,
        [Description("Seconds the round stays open (default 300).")] int? timeout_seconds = null,
        [Description("The player ids who take part, e.g. [\"thorin\", \"vex\"]; default every player (in combat: every PC combatant).")] JsonElement? players = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var body = new JsonObject { ["prompt"] = prompt };
            if (timeout_seconds is not null)
            {
                body["timeout_seconds"] = timeout_seconds.Value;
            }

            var who = ToolArguments.IdList(players, "players");
            if (who is not null)
            {
                body["players"] = who;
            }

            return Combat("Simultaneous round open.", await client.SimultaneousRoundAsync(body, cancellationToken));
        });

    [McpServerTool(Name = "party_end_combat", Title = "End combat", OpenWorld = false)]
    [Description("Ends combat and returns to exploration, where any player may act. Example: party_end_combat().")]
    public Task<CallToolResult> PartyEndCombat(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client => Combat("Combat ended; back to exploration.", await client.EndCombatAsync(cancellationToken)));

    [McpServerTool(Name = "get_combat_state", Title = "Combat state", ReadOnly = true, OpenWorld = false)]
    [Description("Returns the full combat state as the DM sees it: round, whose turn, initiative order with HP, AC, conditions and hidden combatants, and an open simultaneous round. Example: get_combat_state().")]
    public Task<CallToolResult> GetCombatState(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client => Combat(string.Empty, await client.CombatAsync(cancellationToken)));

    private static CallToolResult Combat(string headline, JsonElement answer)
    {
        var combat = answer.Prop("combat");
        var text = (headline.Length > 0 ? headline + "\n" : string.Empty) + Summaries.Combat(combat);
        return ToolResults.Ok(text, answer);
    }
}
