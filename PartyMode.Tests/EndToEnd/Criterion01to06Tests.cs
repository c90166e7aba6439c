using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Seed criteria 1, 2, 5 and 6: the table, the action cycle, concurrency and reconnection.</summary>
[Category("E2E")]
public sealed class Criterion01to06Tests
{
    [Test]
    public async Task C01_MultiPlayerSimulation_FourPlayersConnectAndEachSeesOwnSeat()
    {
        await using var table = await Table.OpenAsync();
        foreach (var (seat, player) in table.Players)
        {
            var welcome = player.OfType("welcome").Single().Json;
            Assert.That(welcome.GetProperty("player_id").GetString(), Is.EqualTo(seat));
            Assert.That(welcome.GetProperty("character").GetProperty("id").GetString(), Is.EqualTo(seat));
        }

        var status = await table.Server.GetJsonAsync("dm", "/api/dm/status");
        var connected = status.GetProperty("seats").EnumerateArray().Where(s => s.GetProperty("role").GetString() == "player").Select(s => s.GetProperty("connected").GetBoolean());
        Assert.That(connected, Is.All.True);
        var party = await table.Server.GetJsonAsync("thorin", "/api/party");
        Assert.That(party.GetProperty("party").EnumerateArray().Select(p => p.GetProperty("connected").GetBoolean()), Is.All.True);
    }

    [Test]
    public async Task C02_FullActionCycle_SubmitQueueResolvePushReceive()
    {
        await using var table = await Table.OpenAsync();
        var thorin = table.Players["thorin"];
        await thorin.SendActionAsync("I search the room", "cycle-1");
        var queued = await thorin.WaitForAsync(f => f.Type == "action_status" && f.Json.GetProperty("status").GetString() == "pending", "queued");
        var id = queued.Json.GetProperty("action_id").GetString()!;
        var popped = await table.Server.DmPostAsync("/api/dm/actions/next");
        Assert.That(popped.GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(id));
        await thorin.WaitForAsync(f => f.Type == "action_status" && f.Json.GetProperty("status").GetString() == "processing", "processing");
        await table.Server.DmPostAsync($"/api/dm/actions/{id}/resolve", new
        {
            narrative = "[PUBLIC] The dust settles.",
            @private = new Dictionary<string, string> { ["thorin"] = "[PERCEPTION] a draft from the hearth" },
            dm_only = "[DMNOTE] the hearth hides a door",
        });
        await thorin.WaitForTextAsync("[PERCEPTION]");
        await thorin.WaitForAsync(f => f.Type == "action_status" && f.Json.GetProperty("status").GetString() == "resolved", "resolved");
        await table.SettleAsync("[SETTLED]");
        foreach (var other in table.Players.Values.Where(p => p.Seat != "thorin").Append(table.Observer))
        {
            Assert.That(other.Frames.Any(f => f.Raw.Contains("[PUBLIC]", StringComparison.Ordinal)), Is.True, other.Seat);
            Assert.That(other.Frames.Any(f => f.Raw.Contains("[PERCEPTION]", StringComparison.Ordinal)), Is.False, other.Seat);
        }

        Assert.That(table.Everyone.Where(v => v.Seat != "dm").Any(v => v.Frames.Any(f => f.Raw.Contains("[DMNOTE]", StringComparison.Ordinal))), Is.False);
        await table.Dm.WaitForTextAsync("[DMNOTE]");
    }

    [Test]
    public async Task C05_ConcurrentActions_FourPlayersWithinTenMs_TwentyFiveRounds()
    {
        await using var table = await Table.OpenAsync();
        var all = new List<(string Player, JsonElement Action)>();
        for (var round = 0; round < 25; round++)
        {
            using var gate = new Barrier(4);
            var submissions = TestServer.Players.Select(p => Task.Run(async () =>
            {
                using var client = table.Server.Client(p);
                gate.SignalAndWait();
                var response = await client.PostAsJsonAsync("/api/actions", new { text = $"{p} round {round}" });
                Assert.That((int)response.StatusCode, Is.EqualTo(202));
                return (p, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("action"));
            })).ToList();
            all.AddRange(await Task.WhenAll(submissions));
        }

        Assert.That(all, Has.Count.EqualTo(100));
        Assert.That(all.Select(a => a.Action.GetProperty("id").GetString()).Distinct().Count(), Is.EqualTo(100));
        Assert.That(all.All(a => a.Action.GetProperty("player_id").GetString() == a.Player && a.Action.GetProperty("text").GetString()!.StartsWith(a.Player, StringComparison.Ordinal)), Is.True);
        var resolved = new HashSet<string>();
        while (true)
        {
            using var dm = table.Server.Client("dm");
            var next = await dm.PostAsync("/api/dm/actions/next", null);
            if ((int)next.StatusCode == 204)
            {
                break;
            }

            var id = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("action").GetProperty("id").GetString()!;
            Assert.That(resolved.Add(id), Is.True, "popped twice: " + id);
            await table.Server.DmPostAsync($"/api/dm/actions/{id}/resolve", new { narrative = "ok " + id });
        }

        Assert.That(resolved, Is.EquivalentTo(all.Select(a => a.Action.GetProperty("id").GetString())));
        var list = await table.Server.GetJsonAsync("dm", "/api/dm/actions?status=resolved");
        Assert.That(list.GetProperty("actions").GetArrayLength(), Is.EqualTo(100));
    }

    [Test]
    public async Task C06_Reconnection_FiveMissedInOrderThenLive()
    {
        await using var table = await Table.OpenAsync();
        var vex = table.Players["vex"];
        for (var i = 1; i <= 5; i++)
        {
            await table.Server.DmPostAsync("/api/dm/narrate", new { narrative = $"[SEEN-{i}]" });
        }

        await vex.WaitForTextAsync("[SEEN-5]");
        var lastSeq = vex.LastSeq;
        await vex.DisconnectAsync();
        for (var i = 1; i <= 5; i++)
        {
            await table.Server.DmPostAsync("/api/dm/narrate", new { narrative = $"[MISSED-{i}]" });
            await table.Server.DmPostAsync("/api/dm/whisper", new { to = new[] { "thorin" }, text = $"[NOT-VEX-{i}]" });
        }

        vex.ClearFrames();
        await vex.ConnectAsync(lastSeq);
        await vex.WaitForTextAsync("[MISSED-5]");
        await table.Server.DmPostAsync("/api/dm/narrate", new { narrative = "[LIVE]" });
        await vex.WaitForTextAsync("[LIVE]");
        Assert.That(vex.Events.Select(e => e.Text), Is.EqualTo(new[] { "[MISSED-1]", "[MISSED-2]", "[MISSED-3]", "[MISSED-4]", "[MISSED-5]", "[LIVE]" }));
        Assert.That(vex.Events.Select(e => e.Seq), Is.Ordered.Ascending);
    }
}
