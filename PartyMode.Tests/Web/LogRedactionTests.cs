using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

public sealed class LogRedactionTests
{
    [Test]
    public async Task Logs_AfterSessionWithRefreshAndKick_HoldNoTokenAndNoPrivateText()
    {
        using var folder = new TempFolder();
        var issued = new HashSet<string>();
        string logs;
        string stderr;
        await using (var daemon = await DaemonProcess.StartAsync(folder.Path, "--verbose"))
        {
            using var dm = daemon.Client(daemon.DmToken);
            issued.Add(daemon.DmToken);
            var seats = await dm.GetFromJsonAsync<JsonElement>("/api/dm/seats");
            var tokens = seats.GetProperty("seats").EnumerateArray().ToDictionary(s => s.GetProperty("seat").GetString()!, s => s.GetProperty("token").GetString()!);
            issued.UnionWith(tokens.Values);

            using var http = new HttpClient();
            // The join page with its token in the query string, as a phone opens it.
            Assert.That((int)(await http.GetAsync($"{daemon.Url}/play?token={tokens["thorin"]}")).StatusCode, Is.EqualTo(200));
            var player = new SimulatedPlayer("thorin", tokens["thorin"], () => new Uri(daemon.Url.Replace("http", "ws", StringComparison.Ordinal) + "/ws"));
            await player.ConnectAsync();
            using var thorin = daemon.Client(tokens["thorin"]);
            var action = await (await thorin.PostAsJsonAsync("/api/actions", new { text = "SECRET-ACTION-TEXT", @private = true })).Content.ReadFromJsonAsync<JsonElement>();
            await dm.PostAsync("/api/dm/actions/next", null);
            await dm.PostAsJsonAsync($"/api/dm/actions/{action.GetProperty("action").GetProperty("id").GetString()}/resolve", new { @private = new { thorin = "SECRET-PRIVATE-TEXT" }, dm_only = "SECRET-NOTE" });
            var refreshed = await (await dm.PostAsync("/api/dm/seats/vex/token", null)).Content.ReadFromJsonAsync<JsonElement>();
            issued.Add(refreshed.GetProperty("token").GetString()!);
            await dm.PostAsync("/api/dm/seats/gorm/kick", null);
            using var bad = daemon.Client(tokens["vex"]);
            await bad.GetAsync("/api/session");
            await player.DisposeAsync();
            await dm.PostAsync("/api/dm/shutdown", null);
            Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
            stderr = daemon.Errors;
        }

        logs = string.Join("\n", Directory.GetFiles(Path.Combine(folder.Path, "logs")).Select(File.ReadAllText));
        Assert.That(logs, Does.Contain("/api/dm/seats/gorm/kick"), "the log folder has the session's request lines");
        Assert.That(stderr, Does.Contain("Socket open: seat thorin"), "the console log has the session's socket lines");
        foreach (var token in issued)
        {
            Assert.That(logs, Does.Not.Contain(token));
            Assert.That(stderr, Does.Not.Contain(token));
        }

        foreach (var secret in new[] { "SECRET-ACTION-TEXT", "SECRET-PRIVATE-TEXT", "SECRET-NOTE" })
        {
            Assert.That(logs + stderr, Does.Not.Contain(secret));
        }
    }
}
