using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>Asking a player for a roll instead of rolling for them (CLI-MCP v2; docs/protocol.md §7.2).</summary>
[McpServerToolType]
internal sealed class RollTools(DaemonAccess access)
{
    [McpServerTool(Name = "party_request_roll", Title = "Ask a player to roll", Destructive = false, OpenWorld = false)]
    [Description("Asks one player to roll on their phone (a card appears on their screen; they tap Roll or type what their real dice show) and waits for the result. Use it whenever the rules say the player rolls: checks, saving throws, skills, initiative, attacks. The DC is never shown to the player. Returns the total and, with a DC, whether it succeeded; if the player has not rolled within wait_seconds, returns the request id for party_get_roll_request. Example: party_request_roll(player=\"vex\", check=\"save:dex\", dc=14, reason=\"The floor gives way\").")]
    public Task<CallToolResult> PartyRequestRoll(
        [Description("The player id who rolls, e.g. \"vex\".")] string player,
        [Description("What to roll: a sheet reference resolved from that player's sheet, \"check:dex\", \"save:wis\", \"skill:stealth\", \"initiative\", \"attack:Battleaxe\", \"damage:Battleaxe\", or dice such as \"1d20+3\".")] string check,
        [Description("Optional difficulty class (1 to 100); the answer then says success or failure. Never shown to the player.")] int? dc = null,
        [Description("Optional: \"normal\" (default), \"advantage\" or \"disadvantage\" (d20 rolls only).")] string? mode = null,
        [Description("Who sees the roll: \"dm\" (default: the player and you), \"public\" (everyone, observers too), \"party\" (players and you), \"blind\" (only you; the player learns that they rolled, never the result).")] string? visibility = null,
        [Description("Optional short reason the player reads on the card, e.g. \"The floor gives way beneath you\".")] string? reason = null,
        [Description("Seconds to wait for the player's roll (0 to 60, default 30). 0 returns the request id at once.")] int? wait_seconds = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            if (string.IsNullOrWhiteSpace(player))
            {
                throw new ToolInputException("player must name the player who rolls, for example \"vex\".");
            }

            if (string.IsNullOrWhiteSpace(check))
            {
                throw new ToolInputException("check must say what to roll, for example \"save:dex\", \"skill:perception\" or \"1d20+3\".");
            }

            var body = new JsonObject { ["player"] = player.Trim(), ["expr"] = check.Trim() };
            AddIf(body, "dc", dc);
            AddIf(body, "mode", mode);
            AddIf(body, "visibility", visibility);
            AddIf(body, "reason", reason);
            var created = await client.PostAsync("api/dm/roll-requests", body, cancellationToken);
            var id = created.Prop("request").Str("id");
            var wait = Math.Clamp(wait_seconds ?? 30, 0, 60);
            var answer = wait == 0 ? created : await Get(client, id, wait, cancellationToken);
            return ToolResults.Ok(Describe(answer.Prop("request"), wait), answer);
        });

    [McpServerTool(Name = "party_get_roll_request", Title = "Check a roll request", ReadOnly = true, OpenWorld = false)]
    [Description("Reads a roll request made with party_request_roll, optionally waiting until the player has rolled. Returns its status (open, rolled, cancelled) and, once rolled, the total and success against the DC. Example: party_get_roll_request(id=\"rr_000003\", wait_seconds=30).")]
    public Task<CallToolResult> PartyGetRollRequest(
        [Description("The request id, e.g. \"rr_000003\".")] string id,
        [Description("Seconds to wait while it is still open (0 to 60, default 0 = answer at once).")] int? wait_seconds = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var wait = Math.Clamp(wait_seconds ?? 0, 0, 60);
            var answer = await Get(client, RequireId(id), wait, cancellationToken);
            return ToolResults.Ok(Describe(answer.Prop("request"), wait), answer);
        });

    [McpServerTool(Name = "party_cancel_roll_request", Title = "Cancel a roll request", Destructive = false, OpenWorld = false)]
    [Description("Takes back an open roll request; the card leaves the player's screen. Example: party_cancel_roll_request(id=\"rr_000003\").")]
    public Task<CallToolResult> PartyCancelRollRequest(
        [Description("The request id, e.g. \"rr_000003\".")] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.PostAsync($"api/dm/roll-requests/{Uri.EscapeDataString(RequireId(id))}/cancel", null, cancellationToken);
            return ToolResults.Ok($"{id.Trim()} is cancelled; the player's card is gone.", answer);
        });

    private static Task<JsonElement> Get(DaemonClient client, string id, int wait, CancellationToken ct) =>
        client.GetAsync($"api/dm/roll-requests/{Uri.EscapeDataString(id)}?wait={wait.ToString(CultureInfo.InvariantCulture)}", ct);

    private static string RequireId(string id) =>
        string.IsNullOrWhiteSpace(id) ? throw new ToolInputException("id must be a roll request id such as \"rr_000003\" (party_request_roll returns it).") : id.Trim();

    private static void AddIf(JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            body[name] = value.Trim();
        }
    }

    private static void AddIf(JsonObject body, string name, int? value)
    {
        if (value is { } v)
        {
            body[name] = v;
        }
    }

    private static string Describe(JsonElement r, int waited)
    {
        var what = $"{r.Str("player")} {r.Str("expr")}{(r.Str("mode") is "normal" or "" ? "" : " with " + r.Str("mode"))}";
        var dc = r.Str("dc") is { Length: > 0 } d ? $" against DC {d}" : "";
        switch (r.Str("status"))
        {
            case "rolled":
                var roll = r.Prop("roll");
                var physical = roll.Bool("physical") ? " (real dice)" : "";
                var outcome = r.Prop("success").ValueKind switch
                {
                    JsonValueKind.True => ": success",
                    JsonValueKind.False => ": failure",
                    _ => "",
                };
                return $"{r.Str("id")}: {what} rolled {roll.Str("total")}{physical}{dc}{outcome} (visible to {r.Str("visibility")}). Narrate the outcome now.";
            case "cancelled":
                return $"{r.Str("id")}: {what} was cancelled.";
            default:
                var wait = waited > 0 ? string.Create(CultureInfo.InvariantCulture, $" after {waited} s") : "";
                return $"{r.Str("id")}: {what}{dc} is still open{wait}; the player has a card on their phone. Check later with party_get_roll_request(id=\"{r.Str("id")}\", wait_seconds=30), or cancel it with party_cancel_roll_request.";
        }
    }
}
