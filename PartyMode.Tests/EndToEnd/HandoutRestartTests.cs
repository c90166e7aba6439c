using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Handouts over a SIGKILL of the real daemon (docs/protocol.md §9): acknowledged images, showings and the TV slot survive.</summary>
[Category("E2E")]
public sealed class HandoutRestartTests
{
    [Test]
    public async Task Handouts_SigkillRestart_ImagesShowingsAndTheTvSlotSurvive()
    {
        using var folder = new TempFolder();
        var daemon = await DaemonProcess.StartAsync(folder.Path, "--max-handout-mb", "2");
        var map = TestImages.Png(16, 9, 77);
        Dictionary<string, string> tokens;
        string id;
        using (var dm = daemon.Client(daemon.DmToken))
        {
            var seats = await dm.GetFromJsonAsync<JsonElement>("/api/dm/seats");
            tokens = seats.GetProperty("seats").EnumerateArray().ToDictionary(s => s.GetProperty("seat").GetString()!, s => s.GetProperty("token").GetString()!);
            using var content = new ByteArrayContent(map);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            var upload = await dm.PostAsync("/api/dm/handouts?title=Smugglers%27%20map", content);
            Assert.That((int)upload.StatusCode, Is.EqualTo(201), await upload.Content.ReadAsStringAsync());
            id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handout").GetProperty("id").GetString()!;
            var show = await dm.PostAsJsonAsync($"/api/dm/handouts/{id}/show", new { audience = new[] { "vex" }, text = "Marked in red." });
            Assert.That(show.IsSuccessStatusCode, Is.True);
            var tv = await dm.PostAsJsonAsync("/api/dm/tv", new { handout_id = id });
            Assert.That(tv.IsSuccessStatusCode, Is.True);
            // The limit is the daemon's own flag: 2 MB here.
            using var big = new ByteArrayContent([.. map, .. new byte[3 * 1024 * 1024]]);
            big.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            Assert.That((int)(await dm.PostAsync("/api/dm/handouts?title=Big", big)).StatusCode, Is.EqualTo(413));
        }

        daemon.Kill();
        await daemon.DisposeAsync();
        await using var restarted = await DaemonProcess.StartAsync(folder.Path);

        using var vex = restarted.Client(tokens["vex"]);
        using var thorin = restarted.Client(tokens["thorin"]);
        using var observer = restarted.Client(tokens["observer"]);
        Assert.That(await vex.GetByteArrayAsync($"/api/handouts/{id}/image"), Is.EqualTo(map));
        Assert.That(await observer.GetByteArrayAsync($"/api/handouts/{id}/image"), Is.EqualTo(map), "the TV's showing survived");
        Assert.That((await thorin.GetAsync($"/api/handouts/{id}/image")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var listed = (await vex.GetFromJsonAsync<JsonElement>("/api/handouts")).GetProperty("handouts").EnumerateArray().Single();
        Assert.That((listed.GetProperty("id").GetString(), listed.GetProperty("text").GetString()), Is.EqualTo((id, "Marked in red.")));

        var url = restarted.Url;
        await using var tvScreen = new SimulatedPlayer("observer", tokens["observer"], () => new Uri(url.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws"));
        await tvScreen.ConnectAsync();
        var welcome = tvScreen.OfType("welcome").Single();
        Assert.That(welcome.Json.GetProperty("tv").GetProperty("handout_id").GetString(), Is.EqualTo(id));

        // New uploads continue the numbering.
        using var dm2 = restarted.Client(restarted.DmToken);
        using var next = new ByteArrayContent(TestImages.Gif(5, 5));
        next.Headers.ContentType = new MediaTypeHeaderValue("image/gif");
        var again = await dm2.PostAsync("/api/dm/handouts?title=Next", next);
        Assert.That((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handout").GetProperty("id").GetString(), Is.Not.EqualTo(id));
    }
}
