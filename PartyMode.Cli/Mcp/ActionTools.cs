using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;
using PartyMode.Cli.Protocol;

namespace PartyMode.Cli.Mcp;

/// <summary>The action queue and the game master's messages to the table.</summary>
[McpServerToolType]
internal sealed class ActionTools(DaemonAccess access)
{
    private const string PrivateExample = "{\"thorin\": \"You notice a draft under the door.\"}";

    [McpServerTool(Name = "party_pop_action", Title = "Take the next player action", Destructive = false, OpenWorld = false)]
    [Description("Takes the oldest pending player action from the queue (or, with action_id, that pending one out of turn: a quick question before a long action); it becomes 'processing' and is yours to resolve with party_resolve_action (or give back with party_requeue_action). Answers 'No pending actions' when the queue is empty. Example: party_pop_action() or party_pop_action(wait_seconds=30) to wait for the next one, or party_pop_action(action_id=\"act_000043\").")]
    public Task<CallToolResult> PartyPopAction(
        [Description("Seconds to wait for an action to arrive when the queue is empty (0 to 60, default 0 = answer at once). Use 30 in a continuous loop.")] int? wait_seconds = null,
        [Description("Optional: the id of a pending action to take instead of the oldest, e.g. \"act_000043\" (from the partymode://queue resource or an action event in party_get_story). Fails when that action is not pending.")] string? action_id = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var wait = Math.Clamp(wait_seconds ?? 0, 0, 60);
            var answer = string.IsNullOrWhiteSpace(action_id)
                ? await client.NextActionAsync(wait, cancellationToken)
                : await client.TakeActionAsync(action_id.Trim(), cancellationToken);
            if (answer is null || answer.Value.Prop("action").ValueKind != JsonValueKind.Object)
            {
                var empty = JsonText.Element(new JsonObject { ["action"] = null });
                var waited = wait > 0 ? string.Create(CultureInfo.InvariantCulture, $" (waited {wait} s)") : string.Empty;
                return ToolResults.Ok($"No pending actions{waited}.", empty);
            }

            var action = answer.Value.Prop("action");
            var text = Summaries.Action(action)
                + $"\nIt is now yours: read the sheet with get_character(id=\"{action.Str("player_id")}\"), ask the player to roll with party_request_roll when the outcome is uncertain, apply damage or healing with party_apply_damage / party_heal, then call party_resolve_action(action_id=\"{action.Str("id")}\", narrative=…, private_messages=…, dm_notes=…).\n"
                + PlayerText.Rule;
            return ToolResults.Ok(text, answer.Value);
        });

    [McpServerTool(Name = "party_resolve_action", Title = "Resolve a player action", Destructive = false, OpenWorld = false)]
    [Description("Resolves an action taken with party_pop_action and sends the outcome to the table: the narrative goes to everyone (observers too), each private message only to its player, and the DM notes only to the game master. Example: party_resolve_action(action_id=\"act_000042\", narrative=\"Thorin shoulders the door open; dust rains down.\", private_messages={\"thorin\": \"You notice a draft under the far wall.\"}, dm_notes=\"Perception 17 vs DC 15: found the secret passage.\").")]
    public Task<CallToolResult> PartyResolveAction(
        [Description("The id of the action, as returned by party_pop_action (e.g. \"act_000042\").")] string action_id,
        [Description("What everyone at the table sees: 1 to 5 vivid sentences describing what happens. Never put private results or secrets here.")] string narrative,
        [Description("Optional object mapping a player id to a text only that player (and the DM) sees, e.g. {\"thorin\": \"You notice a draft.\"}. A JSON string of such an object is accepted too.")] JsonElement? private_messages = null,
        [Description("Optional notes only the game master sees: DCs, hidden rolls, reasoning, plans.")] string? dm_notes = null,
        [Description("Optional: who hears the narrative. \"public\" (default: the whole table), \"party\", \"dm\", or a list of player ids, e.g. [\"vex\"] to answer a private (whispered) action to its player only.")] JsonElement? audience = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var body = new JsonObject { ["narrative"] = narrative };
            var privateParts = ToolArguments.Object(private_messages, "private_messages", PrivateExample);
            if (privateParts is not null)
            {
                body["private"] = privateParts;
            }

            if (!string.IsNullOrWhiteSpace(dm_notes))
            {
                body["dm_only"] = dm_notes;
            }

            var who = ToolArguments.Audience(audience);
            if (who is not null)
            {
                body["audience"] = who;
            }

            var answer = await client.ResolveActionAsync(action_id, body, cancellationToken);
            var privateTo = privateParts is null ? "no private messages" : "private messages to " + string.Join(", ", privateParts.Select(p => p.Key));
            var heard = who is null ? "the whole table" : who.ToJsonString();
            var text = $"Resolved {action_id}: the narrative went to {heard}, {privateTo}{(string.IsNullOrWhiteSpace(dm_notes) ? string.Empty : ", DM notes stored")}.";
            return ToolResults.Ok(text, answer);
        });

    [McpServerTool(Name = "party_requeue_action", Title = "Put an action back in the queue", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Puts a 'processing' action back to 'pending' so it is handed out again by party_pop_action. Use it when you popped an action you cannot resolve now (you need the game master's input, or a call failed). Example: party_requeue_action(action_id=\"act_000042\").")]
    public Task<CallToolResult> PartyRequeueAction(
        [Description("The id of the processing action, e.g. \"act_000042\".")] string action_id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
            ToolResults.Ok($"{action_id} is pending again.", await client.RequeueActionAsync(action_id, cancellationToken)));

    [McpServerTool(Name = "party_cancel_action", Title = "Cancel a player action", OpenWorld = false)]
    [Description("Cancels a pending or processing action without resolving it; the player is told, with your reason. Use it for impossible, duplicate or out-of-turn actions. Example: party_cancel_action(action_id=\"act_000042\", reason=\"You already used your action this turn.\").")]
    public Task<CallToolResult> PartyCancelAction(
        [Description("The id of the action, e.g. \"act_000042\".")] string action_id,
        [Description("Optional short reason the player sees.")] string? reason = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
            ToolResults.Ok($"{action_id} is cancelled; the player was told.", await client.CancelActionAsync(action_id, reason, cancellationToken)));

    [McpServerTool(Name = "party_narrate", Title = "Narrate to the table", Destructive = false, OpenWorld = false)]
    [Description("Sends scene narration that is not the answer to one action: scene openings, NPC turns, time passing. Choose who sees it with audience. Example: party_narrate(narrative=\"Night falls over the old mill.\") or party_narrate(narrative=\"The villain smiles.\", audience=\"party\", private_messages={\"vex\": \"You recognise the smile.\"}).")]
    public Task<CallToolResult> PartyNarrate(
        [Description("The narration text.")] string narrative,
        [Description("Who sees the narrative: \"public\" (default: everyone, observers too), \"party\" (players and DM, not observers), \"dm\" (only you), or a list of player ids such as [\"thorin\", \"vex\"].")] JsonElement? audience = null,
        [Description("Optional object mapping a player id to a text only that player sees, e.g. {\"vex\": \"You recognise the smile.\"}. A JSON string is accepted too.")] JsonElement? private_messages = null,
        [Description("Optional notes only the game master sees.")] string? dm_notes = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var body = new JsonObject { ["narrative"] = narrative };
            var who = ToolArguments.Audience(audience);
            if (who is not null)
            {
                body["audience"] = who;
            }

            var privateParts = ToolArguments.Object(private_messages, "private_messages", PrivateExample);
            if (privateParts is not null)
            {
                body["private"] = privateParts;
            }

            if (!string.IsNullOrWhiteSpace(dm_notes))
            {
                body["dm_only"] = dm_notes;
            }

            var answer = await client.NarrateAsync(body, cancellationToken);
            return ToolResults.Ok(Summaries.Events(answer), answer);
        });

    [McpServerTool(Name = "party_whisper", Title = "Whisper to players", Destructive = false, OpenWorld = false)]
    [Description("Sends a private message that only the named players (and you) see, outside any action: secrets, hunches, notes passed under the table. Example: party_whisper(players=[\"elara\"], text=\"The runes on the wall are draconic.\").")]
    public Task<CallToolResult> PartyWhisper(
        [Description("The player ids who receive it, e.g. [\"elara\"] or [\"thorin\", \"gorm\"]; \"elara, gorm\" is accepted too.")] JsonElement players,
        [Description("The private text.")] string text,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var to = ToolArguments.IdList(players, "players") ?? throw new ToolInputException("players must name at least one player id, for example [\"elara\"].");
            var answer = await client.WhisperAsync(new JsonObject { ["to"] = to, ["text"] = text }, cancellationToken);
            return ToolResults.Ok($"Whispered to {string.Join(", ", to.Select(t => t?.ToString()))}. " + Summaries.Events(answer), answer);
        });

    [McpServerTool(Name = "party_roll", Title = "Roll dice", Destructive = false, OpenWorld = false)]
    [Description("Rolls dice on the server and shows the roll to the chosen audience (hidden rolls are possible). Dice like \"1d20+5\", \"2d6+3\", \"4d6kh3\" (keep highest 3), \"1d20adv\" / \"1d20dis\". Example: party_roll(expr=\"1d20+5\", label=\"Thorin: Perception\") or a blind roll party_roll(expr=\"1d20+3\", visibility=\"dm\", label=\"Villain: Stealth\").")]
    public Task<CallToolResult> PartyRoll(
        [Description("The dice expression, e.g. \"1d20+5\".")] string expr,
        [Description("Who sees it: \"public\" (default, everyone), \"party\" (players and DM), \"private\" (only the player named in player, and you), \"dm\" (only you: a hidden roll).")] string? visibility = null,
        [Description("The player id the roll is for; required with visibility \"private\", e.g. \"thorin\".")] string? player = null,
        [Description("Optional label shown with the roll, e.g. \"Perception\" or \"Goblin attack\".")] string? label = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var body = new JsonObject { ["expr"] = expr, ["visibility"] = AudienceWords.RollVisibility(visibility) };
            if (!string.IsNullOrWhiteSpace(player))
            {
                body["for"] = player.Trim();
            }

            if (!string.IsNullOrWhiteSpace(label))
            {
                body["label"] = label;
            }

            var answer = await client.RollAsync(body, cancellationToken);
            var roll = answer.Prop("roll");
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{(label is null ? string.Empty : label + ": ")}{roll.Str("expr", expr)} = {roll.Str("total")} (dice {roll.Str("rolls")}, visible to {body["visibility"]}{(player is null ? string.Empty : " for " + player)}).");
            return ToolResults.Ok(text, answer);
        });
}
