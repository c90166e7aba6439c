using System.Net;
using System.Net.Http.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>docs/protocol.md §10.1: a story book holds exactly what its seat may see, in Markdown and in HTML, for every seat.</summary>
[Category("E2E")]
public sealed class ExportVisibilityTests
{
    private static readonly string[] Seats = [.. TestServer.Players, "observer", "dm"];
    private static readonly string[] Formats = ["md", "html"];

    [Test]
    public async Task Export_EverySeatAndFormat_HoldsEveryMarkerItMaySeeAndNoOther()
    {
        await using var server = await TestServer.StartAsync();
        var allowed = await PlayMarkersAsync(server);

        foreach (var seat in Seats)
        {
            foreach (var format in Formats)
            {
                var own = await ExportAsync(server, seat, $"/api/export?format={format}");
                var viewedAs = await ExportAsync(server, "dm", $"/api/export?format={format}&as={seat}");
                foreach (var (marker, seats) in allowed)
                {
                    var may = seats.Contains(seat) || seat == "dm";
                    Assert.That(own.Contains(marker, StringComparison.Ordinal), Is.EqualTo(may), $"{marker} in {seat}'s own {format} book");
                    Assert.That(viewedAs.Contains(marker, StringComparison.Ordinal), Is.EqualTo(may), $"{marker} in the DM's {format} export as {seat}");
                }

                if (format == "html")
                {
                    Assert.That(own, Does.StartWith("<!doctype html>").And.Not.Contain("<script").And.Contain("<style>"));
                }
            }
        }
    }

    [Test]
    public async Task Export_PrivatePartsAndActors_AreMarkedAndNamed()
    {
        await using var server = await TestServer.StartAsync();
        await PlayMarkersAsync(server);

        var dm = await ExportAsync(server, "dm", "/api/export");
        var elara = await ExportAsync(server, "elara", "/api/export");

        Assert.That(dm, Does.Contain("**Vex:** [ACT-VEX]").Or.Contain("**Vex"), "an action carries its actor's name");
        Assert.That(elara, Does.Match(@"\*\*Elara[^*]*:\*\* \*\[private\]\* \[ACT-ELARA-PRIV\]"));
        Assert.That(dm, Does.Contain("DM note"));
        Assert.That(dm, Does.Contain("roll: DM only"));
    }

    [Test]
    public async Task Export_SessionBreak_BeginsSessionTwoAndSessionParamKeepsOne()
    {
        await using var server = await TestServer.StartAsync();
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "[S1-PUB] before the break" });
        var brk = await server.DmPostAsync("/api/dm/sessions/break");
        Assert.That(brk.GetProperty("session").GetInt32(), Is.EqualTo(2));
        Assert.That(brk.GetProperty("event").GetProperty("type").GetString(), Is.EqualTo("session"));
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "[S2-PUB] after the break" });

        var all = await ExportAsync(server, "thorin", "/api/export");
        var two = await ExportAsync(server, "thorin", "/api/export?session=2");
        var one = await ExportAsync(server, "observer", "/api/export?format=html&session=1");

        Assert.That(all, Does.Contain("## Session 1").And.Contain("## Session 2").And.Contain("[S1-PUB]").And.Contain("[S2-PUB]"));
        Assert.That(two, Does.Contain("[S2-PUB]").And.Not.Contain("[S1-PUB]"));
        Assert.That(one, Does.Contain("[S1-PUB]").And.Not.Contain("[S2-PUB]"));
        using var client = server.Client("thorin");
        Assert.That((await client.GetAsync("/api/export?session=3")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Export_RestartAfterPlay_BeginsANewSession()
    {
        await using var server = await TestServer.StartAsync();
        await server.RestartAsync();
        Assert.That(await ExportAsync(server, "dm", "/api/export"), Does.Not.Contain("## Session 2"), "a restart before any play begins no session");
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "[PLAYED]" });
        await server.RestartAsync();

        Assert.That(await ExportAsync(server, "vex", "/api/export"), Does.Contain("## Session 2"));
    }

    [Test]
    public async Task Export_PlayerAsAnotherSeatOrBadFormat_Refused()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client("thorin");

        Assert.That((await client.GetAsync("/api/export?as=elara")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var bad = await client.GetAsync("/api/export?format=pdf");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("md or html"));
        using var none = server.Client(null);
        Assert.That((await none.GetAsync("/api/export")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>Writes one marker per kind of visibility; returns, for each, the seats that may see it (the DM sees all).</summary>
    private static async Task<Dictionary<string, string[]>> PlayMarkersAsync(TestServer server)
    {
        var everyone = Seats;
        var players = TestServer.Players;
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "[PUB] the story begins" });
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "[PARTY] for the players only", audience = "party" });
        await server.DmPostAsync("/api/dm/whisper", new { to = new[] { "thorin" }, text = "[WHISPER-THORIN] psst" });
        await server.DmPostAsync("/api/dm/narrate", new { dm_only = "[NOTE-DM] the DM's eyes only" });
        await server.SubmitAsync("vex", "[ACT-VEX] I pick the lock");
        var secret = await server.SubmitAsync("elara", "[ACT-ELARA-PRIV] I pocket the gem", isPrivate: true);
        await server.DmPostAsync("/api/dm/actions/next");
        await server.DmPostAsync("/api/dm/actions/next");
        await server.DmPostAsync($"/api/dm/actions/{secret.GetProperty("id").GetString()}/resolve", new { narrative = "[RESOLVED] time passes", @private = new Dictionary<string, string> { ["gorm"] = "[PRIV-GORM] you notice" } });
        await server.DmPostAsync("/api/dm/roll", new { expr = "1d20+3", visibility = "private", @for = "vex", label = "[ROLL-VEX]" });
        await server.DmPostAsync("/api/dm/roll", new { expr = "1d20", visibility = "dm", label = "[ROLL-DM]" });
        await server.DmPostAsync("/api/dm/roll", new { expr = "2d6", visibility = "public", label = "[ROLL-PUB]" });
        using (var thorin = server.Client("thorin"))
        {
            var own = await thorin.PostAsJsonAsync("/api/characters/thorin/changes", new { ops = new[] { new { op = "set", field = "notes", value = "[SHEET-THORIN] my notes" } } });
            Assert.That((int)own.StatusCode, Is.EqualTo(200));
        }

        await server.DmPostAsync("/api/dm/characters/thorin/changes", new { ops = new[] { new { op = "set", field = "dm_notes", value = "[DMNOTES-THORIN] his brother lives" } } });
        return new Dictionary<string, string[]>
        {
            ["[PUB]"] = everyone,
            ["[PARTY]"] = players,
            ["[WHISPER-THORIN]"] = ["thorin"],
            ["[NOTE-DM]"] = [],
            ["[ACT-VEX]"] = everyone,
            ["[ACT-ELARA-PRIV]"] = ["elara"],
            ["[RESOLVED]"] = everyone,
            ["[PRIV-GORM]"] = ["gorm"],
            ["[ROLL-VEX]"] = ["vex"],
            ["[ROLL-DM]"] = [],
            ["[ROLL-PUB]"] = everyone,
            ["[SHEET-THORIN]"] = ["thorin"],
            ["[DMNOTES-THORIN]"] = [],
        };
    }

    private static async Task<string> ExportAsync(TestServer server, string seat, string path)
    {
        using var client = server.Client(seat);
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path} as {seat}: {text}");
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        return text;
    }
}
