using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Seed criterion 15: the real daemon restarted mid-session, gracefully and with SIGKILL.</summary>
[Category("E2E")]
public sealed class Criterion15Tests
{
    [TestCase(false, TestName = "C15_QueuePersistence_GracefulRestart_PendingSurviveHistoryAndTokensIntact")]
    [TestCase(true, TestName = "C15_QueuePersistence_SigkillRestart_PendingSurviveHistoryAndTokensIntact")]
    public async Task QueuePersistence(bool kill)
    {
        using var folder = new TempFolder();
        var daemon = await DaemonProcess.StartAsync(folder.Path);
        Dictionary<string, string> tokens;
        using (var dm = daemon.Client(daemon.DmToken))
        {
            var seats = await dm.GetFromJsonAsync<JsonElement>("/api/dm/seats");
            tokens = seats.GetProperty("seats").EnumerateArray().ToDictionary(s => s.GetProperty("seat").GetString()!, s => s.GetProperty("token").GetString()!);
        }

        var url = daemon.Url;
        Uri Ws() => new(url.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");
        var players = TestServer.Players.ToDictionary(p => p, p => new SimulatedPlayer(p, tokens[p], Ws));
        foreach (var p in players.Values)
        {
            await p.ConnectAsync();
        }

        var ids = new List<string>();
        foreach (var p in TestServer.Players)
        {
            using var client = daemon.Client(tokens[p]);
            var response = await client.PostAsJsonAsync("/api/actions", new { text = $"[Q-{p}] acts" });
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("action").GetProperty("id").GetString()!);
        }

        using (var dm = daemon.Client(daemon.DmToken))
        {
            await dm.PostAsync("/api/dm/actions/next", null);
            await dm.PostAsJsonAsync($"/api/dm/actions/{ids[0]}/resolve", new { narrative = "[RESOLVED-BEFORE]" });
            await dm.PostAsync("/api/dm/actions/next", null);
        }

        await players["elara"].WaitForTextAsync("[RESOLVED-BEFORE]");
        var lastSeen = players.ToDictionary(p => p.Key, p => p.Value.LastSeq);

        if (kill)
        {
            daemon.Kill();
        }
        else
        {
            daemon.Terminate();
            Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
            foreach (var p in players.Values)
            {
                await p.WaitClosedAsync();
                Assert.That(p.CloseCode, Is.EqualTo(1001), "graceful stop closes sockets with 1001");
            }
        }

        await daemon.DisposeAsync();
        await using var restarted = await DaemonProcess.StartAsync(folder.Path);
        url = restarted.Url;
        using var dm2 = restarted.Client(restarted.DmToken);
        var actions = (await dm2.GetFromJsonAsync<JsonElement>("/api/dm/actions")).GetProperty("actions").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("status").GetString());
        Assert.That(actions[ids[0]], Is.EqualTo("resolved"));
        Assert.That(actions[ids[1]], Is.EqualTo("processing"));
        Assert.That(actions[ids[2]], Is.EqualTo("pending"));
        Assert.That(actions[ids[3]], Is.EqualTo("pending"));
        await dm2.PostAsJsonAsync("/api/dm/narrate", new { narrative = "[AFTER-RESTART]" });

        foreach (var (seat, p) in players)
        {
            using var client = restarted.Client(tokens[seat]);
            var history = await client.GetStringAsync("/api/events?after=0&limit=1000");
            Assert.That(history, Does.Contain("[RESOLVED-BEFORE]"), $"{seat}: history kept and token still valid");
            p.ClearFrames();
            await p.ConnectAsync(lastSeen[seat]);
            var replay = await p.WaitForAsync(f => f.Text == "[AFTER-RESTART]", "the replay");
            Assert.That(p.Events.Select(e => e.Seq).All(s => s > lastSeen[seat]), Is.True, $"{seat} replayed only what it missed");
            Assert.That(replay.Seq, Is.GreaterThan(lastSeen[seat]));
            await p.DisposeAsync();
        }

        var next = await dm2.PostAsync("/api/dm/actions/next", null);
        Assert.That((await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(ids[2]), "the queue resumes in order");
    }
}
