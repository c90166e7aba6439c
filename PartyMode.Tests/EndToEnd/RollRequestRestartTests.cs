using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Roll requests and rolls over a SIGKILL of the real daemon (docs/protocol.md §7.2: requests survive a restart).</summary>
[Category("E2E")]
public sealed class RollRequestRestartTests
{
    [Test]
    public async Task RollRequests_SigkillRestart_OpenStaysOpenAndInTheWelcomeRolledAndCancelledKept()
    {
        using var folder = new TempFolder();
        var daemon = await DaemonProcess.StartAsync(folder.Path);
        Dictionary<string, string> tokens;
        string rolled, open, cancelled;
        long firstSeq;
        using (var dm = daemon.Client(daemon.DmToken))
        {
            var seats = await dm.GetFromJsonAsync<JsonElement>("/api/dm/seats");
            tokens = seats.GetProperty("seats").EnumerateArray().ToDictionary(s => s.GetProperty("seat").GetString()!, s => s.GetProperty("token").GetString()!);
            async Task<string> Ask(object body)
            {
                var response = await dm.PostAsJsonAsync("/api/dm/roll-requests", body);
                Assert.That((int)response.StatusCode, Is.EqualTo(201));
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("id").GetString()!;
            }

            rolled = await Ask(new { player = "vex", expr = "skill:stealth", dc = 15 });
            open = await Ask(new { player = "vex", expr = "save:dex", dc = 12, reason = "Darts fly" });
            cancelled = await Ask(new { player = "thorin", expr = "check:str" });
            Assert.That((await dm.PostAsync($"/api/dm/roll-requests/{cancelled}/cancel", null)).IsSuccessStatusCode, Is.True);
            using var vex = daemon.Client(tokens["vex"]);
            var answer = await vex.PostAsJsonAsync("/api/rolls", new { request_id = rolled, client_id = "vex-1", physical = true, result = 10 });
            Assert.That((int)answer.StatusCode, Is.EqualTo(201));
            firstSeq = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roll").GetProperty("seq").GetInt64();
        }

        daemon.Kill();
        await daemon.DisposeAsync();
        await using var restarted = await DaemonProcess.StartAsync(folder.Path);
        using var dm2 = restarted.Client(restarted.DmToken);
        var all = (await dm2.GetFromJsonAsync<JsonElement>("/api/dm/roll-requests")).GetProperty("requests").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.Clone());
        Assert.Multiple(() =>
        {
            Assert.That(all[rolled].GetProperty("status").GetString(), Is.EqualTo("rolled"));
            Assert.That(all[rolled].GetProperty("roll").GetProperty("total").GetInt32(), Is.EqualTo(17));
            Assert.That(all[rolled].GetProperty("success").GetBoolean(), Is.True);
            Assert.That(all[open].GetProperty("status").GetString(), Is.EqualTo("open"));
            Assert.That(all[cancelled].GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        });

        var url = restarted.Url;
        await using var player = new SimulatedPlayer("vex", tokens["vex"], () => new Uri(url.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws"));
        await player.ConnectAsync();
        var welcome = player.OfType("welcome").Single();
        Assert.That(welcome.Json.GetProperty("roll_requests").EnumerateArray().Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { open }));
        Assert.That(welcome.Raw, Does.Contain("Darts fly").And.Not.Contain("\"dc\""));

        using var vex2 = restarted.Client(tokens["vex"]);
        var retry = await vex2.PostAsJsonAsync("/api/rolls", new { request_id = rolled, client_id = "vex-1", physical = true, result = 10 });
        Assert.That((int)retry.StatusCode, Is.EqualTo(200), "the same client_id returns the first roll");
        Assert.That((await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roll").GetProperty("seq").GetInt64(), Is.EqualTo(firstSeq));
        var second = await vex2.PostAsJsonAsync("/api/rolls", new { request_id = rolled });
        Assert.That((int)second.StatusCode, Is.EqualTo(409));
        Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("already_rolled"));

        var waiting = dm2.GetStringAsync($"/api/dm/roll-requests/{open}?wait=30");
        await player.SendRawAsync(JsonSerializer.Serialize(new { type = "roll", request_id = open }));
        var done = JsonDocument.Parse(await waiting).RootElement.GetProperty("request");
        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("rolled"));
        await player.WaitForAsync(f => f.Type == "roll_request" && f.Raw.Contains("\"rolled\"", StringComparison.Ordinal), "the card closes");
    }
}
