using System.Text.Json;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>
/// One scripted AI game-master turn over the real <c>partymode mcp</c> process (issue #19): pop the action, ask
/// the player for a roll that the player's socket answers, apply damage, resolve; every seat gets its frames.
/// </summary>
public sealed class McpAiTurnTests
{
    [Test]
    public async Task AiTurn_PopRollDamageResolve_EachSeatSeesItsFrames()
    {
        await using var server = await TestServer.StartAsync();
        await server.DmPostAsync("/api/dm/combat/start", new
        {
            combatants = new object[] { new { id = "thorin", kind = "pc", initiative = 18 }, new { id = "goblin-1", kind = "npc", name = "Goblin", initiative = 11, hp = 7, max_hp = 7 } },
        });
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        await using var thorin = await server.ConnectAsync("thorin");
        await using var elara = await server.ConnectAsync("elara");
        await using var observer = await server.ConnectAsync("observer");

        await thorin.SendActionAsync("I swing my battleaxe at the goblin.", clientId: "t-1");
        var popped = await mcp.CallOkAsync("party_pop_action", new() { ["wait_seconds"] = 10 });
        var action = popped.StructuredContent!.Value.GetProperty("action");
        Assert.That(action.GetProperty("player_id").GetString(), Is.EqualTo("thorin"));
        Assert.That(McpHarness.Text(popped), Does.Contain("<player_action player=\"thorin\""));

        var asking = mcp.CallOkAsync("party_request_roll", new() { ["player"] = "thorin", ["check"] = "attack:Battleaxe", ["dc"] = 13, ["reason"] = "Hit the goblin", ["wait_seconds"] = 30 });
        var card = await thorin.WaitForAsync(f => f.Type == "roll_request", "the roll card");
        Assert.That(card.Raw, Does.Not.Contain("\"dc\""));
        await thorin.SendRawAsync(JsonSerializer.Serialize(new { type = "roll", request_id = card.Json.GetProperty("request").GetProperty("id").GetString(), physical = true, result = 12 }));
        var rolled = await asking;
        Assert.That(McpHarness.Text(rolled), Does.Contain("rolled 17").And.Contain("success"));

        var hit = await mcp.CallOkAsync("party_apply_damage", new() { ["id"] = "goblin-1", ["amount"] = 9 });
        Assert.That(McpHarness.Text(hit), Is.EqualTo("Goblin took 9 damage (7 → 0): down."));
        var scratch = await mcp.CallOkAsync("party_apply_damage", new() { ["id"] = "thorin", ["amount"] = 3 });
        Assert.That(McpHarness.Text(scratch), Does.StartWith("Thorin took 3 damage (31 → 28)"));
        await mcp.CallOkAsync("party_resolve_action", new()
        {
            ["action_id"] = action.GetProperty("id").GetString(),
            ["narrative"] = "[AI-NARR] The goblin falls, but its dagger nicks Thorin.",
            ["private_messages"] = new Dictionary<string, string> { ["thorin"] = "[AI-PRIV] Its blade was poisoned; you resisted." },
            ["dm_notes"] = "[AI-NOTE] DC 13 hit.",
        });

        foreach (var seat in new[] { thorin, elara, observer })
        {
            await seat.WaitForTextAsync("[AI-NARR] The goblin falls, but its dagger nicks Thorin.");
        }

        await thorin.WaitForAsync(f => f.Type == "action_status" && f.Raw.Contains("\"resolved\"", StringComparison.Ordinal), "resolved");
        Assert.Multiple(() =>
        {
            Assert.That(thorin.Events.Any(e => e.Type == "roll" && e.Json.GetProperty("total").GetInt32() == 17), Is.True, "Thorin sees his roll");
            Assert.That(thorin.Events.Any(e => e.Type == "sheet_change" && e.Json.GetProperty("summary").GetString() == "Thorin took 3 damage (31 → 28)"), Is.True);
            Assert.That(thorin.OfType("character_update").Any(f => f.Json.GetProperty("character").GetProperty("hp").GetInt32() == 28), Is.True);
            Assert.That(thorin.Events.Any(e => e.Text == "[AI-PRIV] Its blade was poisoned; you resisted."), Is.True);
            foreach (var seat in new[] { thorin, elara, observer })
            {
                Assert.That(seat.OfType("combat_state").Any(f => Status(f, "goblin-1") == "down"), Is.True, $"{seat.Seat} sees the goblin go down");
                Assert.That(seat.Frames.Any(f => f.Raw.Contains("[AI-NOTE]", StringComparison.Ordinal)), Is.False, seat.Seat);
            }

            Assert.That(elara.OfType("party_update").Any(f => f.Raw.Contains("\"hp\":28", StringComparison.Ordinal)), Is.True, "the roster shows Thorin's HP");
            foreach (var other in new[] { elara, observer })
            {
                Assert.That(other.Frames.Where(f => f.Type is "sheet_change" or "character_update" or "roll" or "roll_request" && f.Raw.Contains("\"thorin\"", StringComparison.Ordinal)).Select(f => f.Raw), Is.Empty, $"{other.Seat}: the roll (DM visibility) and the sheet stay Thorin's");
                Assert.That(other.Frames.Any(f => f.Raw.Contains("[AI-PRIV]", StringComparison.Ordinal)), Is.False, other.Seat);
            }
        });
    }

    private static string? Status(Frame f, string id) =>
        f.Json.GetProperty("combat") is { ValueKind: JsonValueKind.Object } c
            ? c.GetProperty("initiative").EnumerateArray().Where(e => e.GetProperty("id").GetString() == id).Select(e => e.TryGetProperty("status", out var s) ? s.GetString() : null).FirstOrDefault()
            : null;
}
