using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary><c>party_get_story</c> lists the DM's edits and retractions (docs/protocol.md §3.7.19), each only for the seats that saw the message.</summary>
public sealed class McpEditStoryTests
{
    private static readonly string[] OnlyThorin = ["thorin"];

    [Test]
    public async Task GetStory_EditedWhisperAndRetractedNarration_ListedOnlyForThoseWhoSawThem()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        var whisper = (await server.DmPostAsync("/api/dm/whisper", new { to = OnlyThorin, text = "the old whisper" })).GetProperty("events")[0].GetProperty("seq").GetInt64();
        var line = (await server.DmPostAsync("/api/dm/narrate", new { narrative = "a slip of the tongue" })).GetProperty("events")[0].GetProperty("seq").GetInt64();
        await server.DmPostAsync($"/api/dm/events/{whisper}/edit", new { text = "[MCP-EDIT-THORIN] the new whisper" });
        await server.DmPostAsync($"/api/dm/events/{line}/retract");

        var dm = McpHarness.Text(await mcp.CallOkAsync("party_get_story"));
        var thorin = McpHarness.Text(await mcp.CallOkAsync("party_get_story", new() { ["as"] = "thorin" }));
        var vex = McpHarness.Text(await mcp.CallOkAsync("party_get_story", new() { ["as"] = "vex" }));

        Assert.That(dm, Does.Contain($"edit of #{whisper}").And.Contain("[MCP-EDIT-THORIN]").And.Contain($"retraction of #{line}"));
        Assert.That(thorin, Does.Contain($"edit of #{whisper}").And.Contain($"retraction of #{line}"));
        Assert.That(vex, Does.Not.Contain("[MCP-EDIT-THORIN]").And.Not.Contain($"edit of #{whisper}").And.Contain($"retraction of #{line}"));
    }
}
