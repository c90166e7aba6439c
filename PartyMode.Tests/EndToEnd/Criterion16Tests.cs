using System.Diagnostics;
using System.Text.Json;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>
/// The slash commands in sequence, as a model would follow them, through the real <c>partymode mcp</c>
/// process and a real daemon it starts: party-mode, party-status, party-next, party-auto, party-token,
/// party-kick, party-stop.
/// </summary>
[Category("E2E")]
public sealed class Criterion16Tests
{
    private static readonly string[] AutoOrder = ["elara", "gorm"];

    [Test]
    public async Task C16_SlashCommands_AllPartyPromptsAndTheirToolsInSequence()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        var players = new Dictionary<string, SimulatedPlayer>();
        try
        {
            await using var mcp = await McpHarness.ChildProcessAsync(data);

            // /dm:party-mode → start_party_mode
            Assert.That(await mcp.PromptTextAsync("party-mode", new() { ["port"] = "0" }), Does.Contain("start_party_mode"));
            var started = (await mcp.CallOkAsync("start_party_mode", new() { ["port"] = 0 })).StructuredContent!.Value;
            Assert.That(started.GetProperty("already_running").GetBoolean(), Is.False);
            var local = started.GetProperty("urls").GetProperty("local").GetString()!;
            var seats = started.GetProperty("seats").EnumerateArray().ToDictionary(s => s.GetProperty("seat").GetString()!);
            Assert.That(File.Exists(seats["thorin"].GetProperty("qr").GetString()), Is.True);
            var ws = new Uri(local.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");
            foreach (var seat in TestServer.Players)
            {
                var player = new SimulatedPlayer(seat, seats[seat].GetProperty("token").GetString()!, () => ws);
                await player.ConnectAsync();
                players[seat] = player;
            }

            // /dm:party-status → get_party_status
            Assert.That(await mcp.PromptTextAsync("party-status"), Does.Contain("get_party_status"));
            var status = (await mcp.CallOkAsync("get_party_status")).StructuredContent!.Value;
            Assert.That(status.GetProperty("seats").EnumerateArray().Count(s => s.GetProperty("connected").GetBoolean()), Is.EqualTo(4));

            // /dm:party-next → pop, read the sheet, roll, update, resolve
            var next = await mcp.PromptTextAsync("party-next");
            Assert.That(next, Does.Contain("party_pop_action").And.Contain("party_resolve_action"));
            await players["thorin"].SendActionAsync("I kick the door", "next-1");
            var popped = (await mcp.CallOkAsync("party_pop_action", new() { ["wait_seconds"] = 10 })).StructuredContent!.Value.GetProperty("action");
            Assert.That(popped.GetProperty("player_id").GetString(), Is.EqualTo("thorin"));
            var sheet = (await mcp.CallOkAsync("get_character", new() { ["id"] = "thorin" })).StructuredContent!.Value.GetProperty("character");
            var athletics = sheet.GetProperty("skills").GetProperty("athletics").GetInt32();
            await mcp.CallOkAsync("party_roll", new() { ["expr"] = $"1d20+{athletics}", ["label"] = "Thorin: Athletics" });
            await mcp.CallOkAsync("update_character", new() { ["id"] = "thorin", ["changes"] = new Dictionary<string, object> { ["hp"] = sheet.GetProperty("hp").GetInt32() - 1 } });
            await mcp.CallOkAsync("party_resolve_action", new()
            {
                ["action_id"] = popped.GetProperty("id").GetString(),
                ["narrative"] = "next-narrative",
                ["private_messages"] = new Dictionary<string, string> { ["thorin"] = "next-private" },
                ["dm_notes"] = "next-dm",
            });
            await players["thorin"].WaitForTextAsync("next-private");
            await players["elara"].WaitForTextAsync("next-narrative");

            // /dm:party-auto → a loop on party_pop_action(wait_seconds=30) that handles two actions
            Assert.That(await mcp.PromptTextAsync("party-auto"), Does.Contain("wait_seconds=30"));
            await players["elara"].SendActionAsync("I read the runes", "auto-1");
            var handled = new List<string>();
            var secondSent = false;
            for (var round = 0; handled.Count < 2 && round < 6; round++)
            {
                var action = (await mcp.CallOkAsync("party_pop_action", new() { ["wait_seconds"] = 30 })).StructuredContent!.Value.GetProperty("action");
                if (action.ValueKind == JsonValueKind.Null)
                {
                    continue; // An empty queue never ends the loop.
                }

                await mcp.CallOkAsync("party_resolve_action", new() { ["action_id"] = action.GetProperty("id").GetString(), ["narrative"] = "auto-" + action.GetProperty("player_id").GetString() });
                handled.Add(action.GetProperty("player_id").GetString()!);
                if (!secondSent)
                {
                    // The next action arrives while the loop already waits again.
                    secondSent = true;
                    _ = players["gorm"].SendActionAsync("I heal Thorin", "auto-2");
                }
            }

            Assert.That(handled, Is.EqualTo(AutoOrder));
            await players["vex"].WaitForTextAsync("auto-gorm");

            // /dm:party-token vex → party_refresh_token: the old socket closes 4401, the new link works
            Assert.That(await mcp.PromptTextAsync("party-token", new() { ["player"] = "vex" }), Does.Contain("party_refresh_token"));
            var refreshed = (await mcp.CallOkAsync("party_refresh_token", new() { ["player"] = "vex" })).StructuredContent!.Value;
            await players["vex"].WaitClosedAsync();
            Assert.That(players["vex"].CloseCode, Is.EqualTo(4401));
            players["vex"].Token = refreshed.GetProperty("token").GetString()!;
            await players["vex"].ConnectAsync();

            // /dm:party-kick gorm → party_kick_player: closes 4403, others stay
            Assert.That(await mcp.PromptTextAsync("party-kick", new() { ["player"] = "gorm" }), Does.Contain("party_kick_player"));
            await mcp.CallOkAsync("party_kick_player", new() { ["player"] = "gorm" });
            await players["gorm"].WaitClosedAsync();
            Assert.That(players["gorm"].CloseCode, Is.EqualTo(4403));
            Assert.That(players["thorin"].IsOpen && players["elara"].IsOpen && players["vex"].IsOpen, Is.True);

            // /dm:party-stop → stop_party_mode: sockets closed 1001, the daemon is gone
            Assert.That(await mcp.PromptTextAsync("party-stop"), Does.Contain("stop_party_mode"));
            var stopped = await mcp.CallOkAsync("stop_party_mode");
            Assert.That(McpHarness.Text(stopped), Does.Contain("stopped"));
            await players["thorin"].WaitClosedAsync();
            Assert.That(players["thorin"].CloseCode, Is.EqualTo(1001));
            Assert.That(File.Exists(Path.Combine(data, "daemon.json")), Is.False);
            Assert.That((await mcp.CallAsync("get_party_status")).IsError, Is.True);

            // The daemon MCP started wrote its logs into DATA/logs: no join link, no token.
            var logs = string.Join("\n", Directory.GetFiles(Path.Combine(data, "logs")).Select(File.ReadAllText));
            Assert.That(logs, Does.Contain("Socket open"), "the daemon's log lines are there");
            foreach (var token in seats.Values.Select(s => s.GetProperty("token").GetString()!).Append(refreshed.GetProperty("token").GetString()!))
            {
                Assert.That(logs, Does.Not.Contain(token));
            }
        }
        finally
        {
            foreach (var player in players.Values)
            {
                await player.DisposeAsync();
            }

            KillLeftoverDaemon(data);
        }
    }

    [Test]
    public async Task StartPartyMode_PortInUse_IsAToolErrorThatSaysWhatToDo()
    {
        using var temp = new TempFolder();
        await using var server = await TestServer.StartAsync();
        var data = Path.Combine(temp.Path, "data");
        try
        {
            await using var mcp = await McpHarness.ChildProcessAsync(data);

            var result = await mcp.CallAsync("start_party_mode", new() { ["port"] = server.Server.Port });

            Assert.That(result.IsError, Is.True);
            Assert.That(McpHarness.Text(result), Does.Contain("already in use").And.Not.Contain(" at Microsoft."));
        }
        finally
        {
            KillLeftoverDaemon(data);
        }
    }

    // Only the daemon this test started, found by the pid in its own data folder.
    private static void KillLeftoverDaemon(string data)
    {
        var file = Path.Combine(data, "daemon.json");
        if (!File.Exists(file))
        {
            return;
        }

        var pid = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("pid").GetInt32();
        if (pid == Environment.ProcessId)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
