using System.Text.Json;
using ModelContextProtocol.Protocol;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>The combat tools map to /api/dm/combat/*: a fight from start to end through MCP.</summary>
public sealed class McpCombatToolTests
{
    private const string Combatants =
        "[{\"id\":\"thorin\",\"kind\":\"pc\",\"initiative\":18},{\"id\":\"goblin-1\",\"kind\":\"npc\",\"name\":\"Goblin\",\"initiative\":12,\"hp\":7,\"ac\":15},{\"id\":\"elara\",\"kind\":\"pc\",\"initiative\":5}]";

    private static JsonElement Combat(CallToolResult result) => result.StructuredContent!.Value.GetProperty("combat");

    [Test]
    public async Task CombatTools_WholeFight_TurnsHpSimultaneousRoundAndEnd()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var elara = await server.ConnectAsync("elara");

        // The combatants as JSON text, as models often send them.
        var started = await mcp.CallOkAsync("party_start_combat", new() { ["combatants"] = Combatants });
        Assert.That(Combat(started).GetProperty("current_turn").GetString(), Is.EqualTo("thorin"));
        Assert.That(McpHarness.Text(started), Does.Contain("Goblin").And.Contain("turn of thorin"));

        var hurt = await mcp.CallOkAsync("party_update_combatant", new() { ["id"] = "goblin-1", ["hp"] = 2, ["conditions"] = "prone" });
        var goblin = Combat(hurt).GetProperty("initiative").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "goblin-1");
        Assert.That(goblin.GetProperty("hp").GetInt32(), Is.EqualTo(2));
        Assert.That(goblin.GetProperty("conditions")[0].GetString(), Is.EqualTo("prone"));

        var next = await mcp.CallOkAsync("party_next_turn");
        Assert.That(Combat(next).GetProperty("current_turn").GetString(), Is.EqualTo("goblin-1"));

        var state = await mcp.CallOkAsync("get_combat_state");
        Assert.That(Combat(state).GetProperty("round").GetInt32(), Is.EqualTo(1));

        var round = await mcp.CallOkAsync("party_simultaneous_round", new() { ["prompt"] = "The roof caves in!", ["timeout_seconds"] = 120, ["players"] = "elara" });
        Assert.That(Combat(round).GetProperty("mode").GetString(), Is.EqualTo("simultaneous"));
        await elara.WaitForAsync(f => f.Type == "combat_state" && f.Raw.Contains("The roof caves in!", StringComparison.Ordinal), "the simultaneous round");

        var ended = await mcp.CallOkAsync("party_end_combat");
        Assert.That(ended.StructuredContent!.Value.GetProperty("combat").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(McpHarness.Text(ended), Does.Contain("exploration"));
    }

    [Test]
    public async Task NextTurn_NoCombat_IsAToolErrorWithTheApiCode()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var result = await mcp.CallAsync("party_next_turn");

        Assert.That(result.IsError, Is.True);
        Assert.That(result.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("no_combat"));
        Assert.That(McpHarness.Text(result), Does.Contain("party_start_combat"), "the remedy names the tool to call");
    }

    [Test]
    public async Task UpdateCombatant_NoFields_IsABadArgumentError()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var result = await mcp.CallAsync("party_update_combatant", new() { ["id"] = "goblin-1" });

        Assert.That(result.IsError, Is.True);
        Assert.That(McpHarness.Text(result), Does.Contain("hp"));
    }
}
