using System.Text.Json;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>
/// The seed's full action cycle through the real <c>partymode mcp</c> process: players submit over WebSocket,
/// the AI DM pops and resolves each action, and every viewer receives exactly what it may see.
/// </summary>
public sealed class McpSeedLoopTests
{
    private static readonly string[] Vex = ["vex"];

    [Test]
    public async Task ActionCycle_FourPlayersThroughMcp_EachViewerGetsExactlyWhatItMaySee()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        var players = new List<SimulatedPlayer>();
        foreach (var seat in TestServer.Players)
        {
            players.Add(await server.ConnectAsync(seat));
        }

        await using var observer = await server.ConnectAsync("observer");
        try
        {
            foreach (var player in players)
            {
                await player.SendActionAsync($"{player.Seat} searches the room", clientId: "c-" + player.Seat);
            }

            await Poll.UntilAsync(() => players.All(p => p.OfType("action_status").Any()), "every player's action acknowledged");
            var resolved = new List<string>();
            for (var i = 0; i < players.Count; i++)
            {
                var popped = await mcp.CallOkAsync("party_pop_action");
                var action = popped.StructuredContent!.Value.GetProperty("action");
                var seat = action.GetProperty("player_id").GetString()!;
                await mcp.CallOkAsync("party_resolve_action", new()
                {
                    ["action_id"] = action.GetProperty("id").GetString(),
                    ["narrative"] = $"public-{seat}",
                    ["private_messages"] = new Dictionary<string, string> { [seat] = $"private-{seat}" },
                    ["dm_notes"] = $"dmnote-{seat}",
                });
                resolved.Add(seat);
            }

            Assert.That(resolved, Is.EquivalentTo(TestServer.Players));
            Assert.That(McpHarness.Text(await mcp.CallOkAsync("party_pop_action")), Does.StartWith("No pending actions"));
            await mcp.CallOkAsync("party_narrate", new() { ["narrative"] = "sentinel-end" });
            foreach (var viewer in players.Append(observer))
            {
                await viewer.WaitForTextAsync("sentinel-end");
            }

            foreach (var player in players)
            {
                var texts = player.Events.Select(e => e.Text).ToList();
                foreach (var seat in TestServer.Players)
                {
                    Assert.That(texts.Count(t => t == $"public-{seat}"), Is.EqualTo(1), $"{player.Seat} gets {seat}'s narrative once");
                    Assert.That(texts.Count(t => t == $"private-{seat}"), Is.EqualTo(seat == player.Seat ? 1 : 0), $"{player.Seat} and {seat}'s private message");
                }

                Assert.That(player.Frames.Any(f => f.Raw.Contains("dmnote-", StringComparison.Ordinal)), Is.False, $"{player.Seat} saw a DM note");
                var seqs = player.Events.Select(e => e.Seq!.Value).ToList();
                Assert.That(seqs, Is.Ordered.Ascending.And.Unique);
            }

            var observed = observer.Events.Select(e => e.Text).ToList();
            Assert.That(TestServer.Players.All(seat => observed.Count(t => t == $"public-{seat}") == 1), Is.True);
            Assert.That(observer.Frames.Any(f => f.Raw.Contains("private-", StringComparison.Ordinal) || f.Raw.Contains("dmnote-", StringComparison.Ordinal)), Is.False);
            Assert.That(observer.Frames.Any(f => f.Type == "character_update"), Is.False);
        }
        finally
        {
            foreach (var player in players)
            {
                await player.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task EveryTool_ChildProcessAgainstRunningDaemon_AnswersWithoutError()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        await server.SubmitAsync("thorin", "first");
        await server.SubmitAsync("elara", "second");
        var called = new HashSet<string>();

        async Task<JsonElement> Call(string tool, Dictionary<string, object?>? args = null)
        {
            called.Add(tool);
            return (await mcp.CallOkAsync(tool, args)).StructuredContent!.Value;
        }

        await Call("start_party_mode");
        await Call("get_party_status");
        var first = (await Call("party_pop_action", new() { ["wait_seconds"] = 1 })).GetProperty("action").GetProperty("id").GetString();
        await Call("party_requeue_action", new() { ["action_id"] = first });
        var again = (await Call("party_pop_action")).GetProperty("action").GetProperty("id").GetString();
        await Call("party_resolve_action", new() { ["action_id"] = again, ["narrative"] = "done", ["private_messages"] = new Dictionary<string, string> { ["thorin"] = "psst" }, ["dm_notes"] = "n" });
        var second = (await Call("party_pop_action")).GetProperty("action").GetProperty("id").GetString();
        await Call("party_cancel_action", new() { ["action_id"] = second, ["reason"] = "no" });
        await Call("party_narrate", new() { ["narrative"] = "scene", ["audience"] = "public", ["dm_notes"] = "d" });
        await Call("party_whisper", new() { ["players"] = Vex, ["text"] = "hi" });
        await Call("party_roll", new() { ["expr"] = "1d20+2", ["visibility"] = "party", ["label"] = "check" });
        var request = (await Call("party_request_roll", new() { ["player"] = "vex", ["check"] = "save:dex", ["dc"] = 12, ["wait_seconds"] = 0 })).GetProperty("request").GetProperty("id").GetString();
        await Call("party_get_roll_request", new() { ["id"] = request });
        await Call("party_cancel_roll_request", new() { ["id"] = request });
        using var art = new TempFolder();
        var map = Path.Combine(art.Path, "map.png");
        await File.WriteAllBytesAsync(map, TestImages.Png(3, 2));
        var handout = (await Call("party_show_handout", new() { ["path_or_id"] = map, ["title"] = "Map", ["audience"] = "party", ["text"] = "Look." })).GetProperty("event").GetProperty("handout_id").GetString();
        await Call("party_tv", new() { ["handout_id"] = handout });
        await Call("party_export_story", new() { ["as"] = "thorin", ["format"] = "md" });
        await Call("list_characters");
        await Call("get_character", new() { ["id"] = "elara" });
        await Call("update_character", new() { ["id"] = "elara", ["changes"] = new Dictionary<string, object> { ["hp"] = 3 } });
        await Call("list_npcs");
        await Call("get_npc", new() { ["id"] = "tavern-keeper" });
        await Call("list_locations");
        await Call("get_location", new() { ["id"] = "tavern" });
        await Call("reveal_npc", new() { ["id"] = "villain" });
        await Call("reveal_location", new() { ["id"] = "old-mill", ["narrative"] = "You see the mill." });
        await Call("party_start_combat", new() { ["combatants"] = new object[] { new Dictionary<string, object> { ["id"] = "thorin", ["kind"] = "pc", ["initiative"] = 15 }, new Dictionary<string, object> { ["id"] = "rat", ["kind"] = "npc", ["name"] = "Rat", ["initiative"] = 3, ["hp"] = 2 } } });
        await Call("party_update_combatant", new() { ["id"] = "rat", ["hidden"] = true });
        await Call("party_next_turn");
        await Call("get_combat_state");
        await Call("party_simultaneous_round", new() { ["prompt"] = "Dodge!", ["timeout_seconds"] = 60 });
        await Call("party_end_combat");
        await Call("party_get_story", new() { ["after_seq"] = 0, ["limit"] = 10 });
        await Call("party_kick_player", new() { ["player"] = "gorm" });
        await Call("party_refresh_token", new() { ["player"] = "gorm" });
        await Call("stop_party_mode");

        var tools = (await mcp.Client.ListToolsAsync()).Select(t => t.Name);
        Assert.That(called, Is.EquivalentTo(tools));
        Assert.That(server.Server.Stopped.IsCompleted, Is.True);
    }
}
