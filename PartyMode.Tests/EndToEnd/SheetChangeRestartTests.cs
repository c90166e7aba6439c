using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Pending sheet changes over a SIGKILL of the real daemon (docs/protocol.md §8.2, §8.5): still pending, in the welcome, approvable.</summary>
[Category("E2E")]
public sealed class SheetChangeRestartTests
{
    [Test]
    public async Task PendingChange_SigkillRestart_StaysPendingInTheWelcomeAndApproves()
    {
        using var folder = new TempFolder();
        var daemon = await DaemonProcess.StartAsync(folder.Path);
        Dictionary<string, string> tokens;
        string pending;
        using (var dm = daemon.Client(daemon.DmToken))
        {
            var seats = await dm.GetFromJsonAsync<JsonElement>("/api/dm/seats");
            tokens = seats.GetProperty("seats").EnumerateArray().ToDictionary(s => s.GetProperty("seat").GetString()!, s => s.GetProperty("token").GetString()!);
            using var vex = daemon.Client(tokens["vex"]);
            var free = await vex.PostAsJsonAsync("/api/characters/vex/changes", new { ops = new[] { new { op = "damage", amount = 5 } } });
            Assert.That((int)free.StatusCode, Is.EqualTo(200));
            var held = await vex.PostAsJsonAsync("/api/characters/vex/changes", new { ops = new object[] { new { op = "set", field = "coins", value = new { gp = 40 } } }, client_id = "v-coins" });
            Assert.That((int)held.StatusCode, Is.EqualTo(202));
            pending = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("change").GetProperty("id").GetString()!;
        }

        daemon.Kill();
        await daemon.DisposeAsync();
        await using var restarted = await DaemonProcess.StartAsync(folder.Path);
        var url = restarted.Url;
        await using var player = new SimulatedPlayer("vex", tokens["vex"], () => new Uri(url.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws"));
        await player.ConnectAsync();
        var welcome = player.OfType("welcome").Single().Json;
        Assert.That(welcome.GetProperty("sheet_changes").EnumerateArray().Select(c => (c.GetProperty("id").GetString(), c.GetProperty("status").GetString())), Is.EqualTo(new[] { (pending, "pending") }));
        Assert.That(welcome.GetProperty("character").GetProperty("hp").GetInt32(), Is.EqualTo(welcome.GetProperty("character").GetProperty("max_hp").GetInt32() - 5), "the applied change is durable");

        using var vex2 = restarted.Client(tokens["vex"]);
        var retry = await vex2.PostAsJsonAsync("/api/characters/vex/changes", new { ops = new[] { new { op = "heal", amount = 1 } }, client_id = "v-coins" });
        Assert.That(((int)retry.StatusCode, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("change").GetProperty("id").GetString()), Is.EqualTo((202, pending)));

        using var dm2 = restarted.Client(restarted.DmToken);
        var approved = await dm2.PostAsync($"/api/dm/changes/{pending}/approve", null);
        Assert.That((int)approved.StatusCode, Is.EqualTo(200), await approved.Content.ReadAsStringAsync());
        await player.WaitForAsync(f => f.Type == "change_status" && f.Raw.Contains("\"approved\"", StringComparison.Ordinal), "approved after the restart");
        await player.WaitForAsync(f => f.Type == "character_update" && f.Json.GetProperty("character").GetProperty("coins").GetProperty("gp").GetInt32() == 40, "the coins");
    }
}
