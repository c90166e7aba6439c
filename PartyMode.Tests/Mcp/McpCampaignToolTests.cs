using System.Text.Json;
using ModelContextProtocol.Protocol;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>Characters, NPCs, locations and seats through the MCP tools, in-process, against a running PartyServer.</summary>
public sealed class McpCampaignToolTests
{
    private static readonly string[] Poisoned = ["poisoned"];

    private static JsonElement Structured(CallToolResult result) => result.StructuredContent!.Value;

    [Test]
    public async Task ListAndGetCharacter_Demo_ShowsEveryPcAndTheFullSheet()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var list = await mcp.CallOkAsync("list_characters");
        var sheet = await mcp.CallOkAsync("get_character", new() { ["id"] = "thorin" });

        var ids = Structured(list).GetProperty("characters").EnumerateArray().Select(c => c.GetProperty("id").GetString());
        Assert.That(ids, Is.EquivalentTo(TestServer.Players));
        Assert.That(McpHarness.Text(list), Does.Contain("thorin: Thorin").And.Contain("HP"));
        var character = Structured(sheet).GetProperty("character");
        Assert.That(character.GetProperty("secret_background").GetString(), Is.Not.Empty);
        Assert.That(McpHarness.Text(sheet), Does.Contain("athletics"));
    }

    [Test]
    public async Task UpdateCharacter_ChangesAsJsonText_AreApplied()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        await mcp.CallOkAsync("update_character", new() { ["id"] = "gorm", ["changes"] = "{\"temp_hp\": 5}" });

        var sheet = await server.GetJsonAsync("dm", "/api/dm/characters/gorm");
        Assert.That(sheet.GetProperty("character").GetProperty("temp_hp").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task GetCharacter_UnknownId_IsANotFoundToolError()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var result = await mcp.CallAsync("get_character", new() { ["id"] = "bilbo" });

        Assert.That(result.IsError, Is.True);
        Assert.That(Structured(result).GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("not_found"));
        Assert.That(McpHarness.Text(result), Does.Contain("list_characters"));
    }

    [Test]
    public async Task NpcTools_RevealVillain_PlayersSeeItOnlyAfterwardsAndNeverTheDmNotes()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var elara = await server.ConnectAsync("elara");

        var list = await mcp.CallOkAsync("list_npcs");
        var villain = await mcp.CallOkAsync("get_npc", new() { ["id"] = "villain" });
        var before = await server.GetJsonAsync("elara", "/api/npcs");
        await mcp.CallOkAsync("reveal_npc", new() { ["id"] = "villain", ["narrative"] = "reveal-villain-1" });
        var after = await server.GetJsonAsync("elara", "/api/npcs");

        Assert.That(McpHarness.Text(list), Does.Contain("villain").And.Contain("tavern-keeper"));
        Assert.That(McpHarness.Text(villain), Does.Contain("Biography"));
        Assert.That(before.GetRawText(), Does.Not.Contain("villain"));
        Assert.That(after.GetRawText(), Does.Contain("villain").And.Not.Contain("Biography"));
        await elara.WaitForTextAsync("reveal-villain-1");
    }

    [Test]
    public async Task LocationTools_RevealOldMill_PlayersSeeItAfterwards()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var list = await mcp.CallOkAsync("list_locations");
        var mill = await mcp.CallOkAsync("get_location", new() { ["id"] = "old-mill" });
        var before = await server.GetJsonAsync("gorm", "/api/locations");
        await mcp.CallOkAsync("reveal_location", new() { ["id"] = "old-mill" });
        var after = await server.GetJsonAsync("gorm", "/api/locations");

        Assert.That(McpHarness.Text(list), Does.Contain("old-mill: The Old Mill (not discovered yet)").And.Contain("tavern: The Drowned Lantern (discovered)"));
        Assert.That(Structured(mill).GetProperty("location").GetProperty("dm_notes").GetString(), Is.Not.Empty);
        Assert.That(before.GetRawText(), Does.Not.Contain("old-mill"));
        Assert.That(after.GetRawText(), Does.Contain("old-mill"));
    }

    [Test]
    public async Task KickThenRefresh_Vex_SocketClosesAndTheNewLinkWorks()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var vex = await server.ConnectAsync("vex");

        var kicked = await mcp.CallOkAsync("party_kick_player", new() { ["player"] = "vex" });
        await vex.WaitClosedAsync();
        var refreshed = await mcp.CallOkAsync("party_refresh_token", new() { ["player"] = "vex" });

        Assert.That(vex.CloseCode, Is.EqualTo(4403));
        Assert.That(Structured(kicked).GetProperty("closed_connections").GetInt32(), Is.EqualTo(1));
        var token = Structured(refreshed).GetProperty("token").GetString();
        Assert.That(token, Is.EqualTo(server.Token("vex")));
        Assert.That(McpHarness.Text(refreshed), Does.Contain("token=" + token));
        Assert.That(File.Exists(Structured(refreshed).GetProperty("qr").GetString()), Is.True);
        await using var back = await server.ConnectAsync("vex");
        Assert.That(back.IsOpen, Is.True);
    }
}
