using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

/// <summary>The server side of #16: whispers never gated, on_deck, paging backwards, the TV lobby, the page headers.</summary>
public sealed class TableApiTests
{
    private static object Fight() => new
    {
        combatants = new object[]
        {
            new { id = "thorin", name = "Thorin", initiative = 20, kind = "pc" },
            new { id = "goblin", name = "Goblin", initiative = 15, kind = "npc", hp = 7, max_hp = 7, ac = 13 },
            new { id = "assassin", name = "Assassin", initiative = 14, kind = "npc", hp = 30, max_hp = 30, ac = 15, hidden = true },
            new { id = "elara", name = "Elara", initiative = 10, kind = "pc" },
            new { id = "vex", name = "Vex", initiative = 5, kind = "pc" },
        },
    };

    [Test]
    public async Task PrivateAction_OutOfTurnAndInARound_IsQueuedAndNotTheRoundSubmission()
    {
        await using var server = await TestServer.StartAsync();
        await server.DmPostAsync("/api/dm/combat/start", Fight());
        using var elara = server.Client("elara");

        var publicOut = await elara.PostAsJsonAsync("/api/actions", new { text = "I cast a spell." });
        Assert.That((int)publicOut.StatusCode, Is.EqualTo(403));
        var whisper = await elara.PostAsJsonAsync("/api/actions", new { text = "Psst: I palm the gem.", @private = true });
        Assert.That((int)whisper.StatusCode, Is.EqualTo(202), await whisper.Content.ReadAsStringAsync());

        var round = (await server.DmPostAsync("/api/dm/combat/simultaneous", new { prompt = "The floor gives way!", timeout_seconds = 120 })).GetProperty("combat");
        Assert.That(round.GetProperty("waiting_for").EnumerateArray().Select(e => e.GetString()), Does.Contain("elara"));
        var inRound = await elara.PostAsJsonAsync("/api/actions", new { text = "(to the DM) Is the gem glowing?", @private = true });
        Assert.That((int)inRound.StatusCode, Is.EqualTo(202));
        var combat = (await server.GetJsonAsync("dm", "/api/dm/combat")).GetProperty("combat");
        Assert.That(combat.GetProperty("waiting_for").EnumerateArray().Select(e => e.GetString()), Does.Contain("elara"), "a whisper is not the round's answer");
        Assert.That(combat.GetProperty("submitted").GetArrayLength(), Is.Zero);

        // The whispers are in the DM's queue at once, not held with the round.
        var pending = await server.GetJsonAsync("dm", "/api/dm/actions?status=pending");
        Assert.That(pending.GetProperty("actions").EnumerateArray().Count(a => a.GetProperty("private").GetBoolean()), Is.EqualTo(2));
        var answer = await elara.PostAsJsonAsync("/api/actions", new { text = "I leap for the ledge." });
        Assert.That((int)answer.StatusCode, Is.EqualTo(202), "her round answer is still hers to give");
    }

    [Test]
    public async Task OnDeck_SkipsHiddenAndDownCombatants_AndIsNullInARound()
    {
        await using var server = await TestServer.StartAsync();
        var start = (await server.DmPostAsync("/api/dm/combat/start", Fight())).GetProperty("combat");
        Assert.That(start.GetProperty("on_deck").GetString(), Is.EqualTo("elara"));

        using var dm = server.Client("dm");
        var patch = await dm.PatchAsync("/api/dm/combat/combatants/elara", JsonContent.Create(new { hp = 0 }));
        Assert.That(patch.IsSuccessStatusCode, Is.True, await patch.Content.ReadAsStringAsync());
        var combat = (await server.GetJsonAsync("dm", "/api/dm/combat")).GetProperty("combat");
        Assert.That(combat.GetProperty("on_deck").GetString(), Is.EqualTo("vex"), "Elara is down");

        var next = (await server.DmPostAsync("/api/dm/combat/next-turn")).GetProperty("combat");
        Assert.That(next.GetProperty("current_turn").GetString(), Is.EqualTo("goblin"));
        Assert.That(next.GetProperty("on_deck").GetString(), Is.EqualTo("vex"));

        var round = (await server.DmPostAsync("/api/dm/combat/simultaneous", new { prompt = "Duck!", timeout_seconds = 60 })).GetProperty("combat");
        Assert.That(round.GetProperty("on_deck").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task EventsBefore_PagesBackwardsThroughTheViewersStory()
    {
        await using var server = await TestServer.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            await server.DmPostAsync("/api/dm/narrate", new { narrative = $"Line {i}" });
        }

        var newest = await server.GetJsonAsync("thorin", "/api/events?limit=1000");
        var seqs = newest.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        var before = seqs[^5];
        var page = await server.GetJsonAsync("thorin", $"/api/events?before={before}&limit=10");
        var got = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.That(got, Is.EqualTo(seqs.Where(s => s < before).TakeLast(10).ToList()));
        Assert.That(page.GetProperty("has_more").GetBoolean(), Is.True);

        var first = await server.GetJsonAsync("thorin", $"/api/events?before={seqs[2]}&limit=10");
        Assert.That(first.GetProperty("events").GetArrayLength(), Is.EqualTo(2));
        Assert.That(first.GetProperty("has_more").GetBoolean(), Is.False);

        using var thorin = server.Client("thorin");
        Assert.That((int)(await thorin.GetAsync("/api/events?before=0")).StatusCode, Is.EqualTo(400));
        Assert.That((int)(await thorin.GetAsync("/api/events?before=5&after=1")).StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task TvLobby_WithoutTheFlag_NamesSeatsButNoJoinCodes()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");
        var lobby = await server.GetJsonAsync("observer", "/api/tv/lobby");
        Assert.That(lobby.GetProperty("join_codes").GetBoolean(), Is.False);
        Assert.That((lobby.GetProperty("joined").GetInt32(), lobby.GetProperty("total").GetInt32()), Is.EqualTo((1, 4)));
        Assert.That(lobby.GetProperty("seats").EnumerateArray().Any(s => s.TryGetProperty("qr", out _)), Is.False);
        using var observer = server.Client("observer");
        Assert.That((int)(await observer.GetAsync("/api/tv/seats/elara/qr.png")).StatusCode, Is.EqualTo(403));
        using var player = server.Client("elara");
        Assert.That((int)(await player.GetAsync("/api/tv/lobby")).StatusCode, Is.EqualTo(403));
    }

    [Test]
    public async Task TvLobby_WithTheFlag_GivesAQrForEachOpenSeatOnly()
    {
        await using var server = await TestServer.StartAsync(dir => new PartyServerOptions { DataDirectory = dir, Port = 0, BindAddress = "127.0.0.1", TvJoinCodes = true });
        await using var thorin = await server.ConnectAsync("thorin");
        var lobby = await server.GetJsonAsync("observer", "/api/tv/lobby");
        Assert.That(lobby.GetProperty("join_codes").GetBoolean(), Is.True);
        var withQr = lobby.GetProperty("seats").EnumerateArray().Where(s => s.TryGetProperty("qr", out _)).Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.That(withQr, Is.EquivalentTo(new[] { "elara", "vex", "gorm" }));
        using var observer = server.Client("observer");
        var png = await observer.GetAsync("/api/tv/seats/elara/qr.png");
        Assert.That(png.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That((int)(await observer.GetAsync("/api/tv/seats/thorin/qr.png")).StatusCode, Is.EqualTo(409));
    }

    [TestCase("/play", HttpStatusCode.OK)]
    [TestCase("/play?token=not-a-real-token", HttpStatusCode.Unauthorized)]
    [TestCase("/", HttpStatusCode.OK)]
    public async Task Pages_CarryTheStrictPolicy(string path, HttpStatusCode expected)
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = server.Client(null);
        using var answer = await anonymous.GetAsync(path);
        Assert.That(answer.StatusCode, Is.EqualTo(expected));
        var csp = answer.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.Contain("connect-src 'self';").And.Contain("base-uri 'none'").And.Contain("form-action 'self'").And.Contain("object-src 'none'"));
        Assert.That(csp, Does.Not.Contain("unsafe-inline").And.Not.Contain(" ws:"));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain("<style").And.Not.Contain("style=\""));
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.That(body, Does.Contain("href=\"/\""));
        }
    }

    [Test]
    public async Task KickedSeatPage_Is403WithTheSameHeadersAndAWayBack()
    {
        await using var server = await TestServer.StartAsync();
        var token = server.Token("gorm");
        await server.DmPostAsync("/api/dm/seats/gorm/kick");
        using var anonymous = server.Client(null);
        using var answer = await anonymous.GetAsync("/play?token=" + Uri.EscapeDataString(token));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(answer.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("object-src 'none'"));
        Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("href=\"/\""));
    }

    [Test]
    public async Task FaviconAndManifest_AreServed()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = server.Client(null);
        using var manifest = await anonymous.GetAsync("/static/manifest.webmanifest");
        Assert.That(manifest.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/manifest+json"));
        var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()).RootElement;
        Assert.That(json.GetProperty("start_url").GetString(), Is.EqualTo("/play"));
        using var icon = await anonymous.GetAsync("/favicon.ico");
        Assert.That(icon.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/svg+xml"));
    }
}
