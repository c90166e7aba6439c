using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web.Handouts;

/// <summary>The TV's full-size slot (docs/protocol.md §9.5): frames to observers and the DM, the welcome, the TV-only audience.</summary>
public sealed class TvSlotTests
{
    [Test]
    public async Task Tv_SetAndClear_ReachesObserversAndTheDmOnly_AndTheWelcome()
    {
        await using var server = await TestServer.StartAsync();
        var id = await HandoutHttp.UploadPngAsync(server, "Secret plan");
        // Shown to the party only: the TV has never been shown it until the DM puts it there.
        await HandoutHttp.ShowAsync(server, id, "party");
        await using var tv = await server.ConnectAsync("observer");
        await using var dm = await server.ConnectAsync("dm");
        await using var thorin = await server.ConnectAsync("thorin");
        using var before = await HandoutHttp.ImageAsync(server, "observer", id);
        Assert.That((int)before.StatusCode, Is.EqualTo(404));

        var set = await server.DmPostAsync("/api/dm/tv", new { handout_id = id });

        Assert.That(set.GetProperty("tv").GetProperty("handout_id").GetString(), Is.EqualTo(id));
        var frame = await tv.WaitForAsync(f => f.Type == "tv", "tv frame");
        Assert.That(frame.Json.GetProperty("handout_id").GetString(), Is.EqualTo(id));
        Assert.That(frame.Json.GetProperty("title").GetString(), Is.EqualTo("Secret plan"));
        await dm.WaitForAsync(f => f.Type == "tv" && f.Raw.Contains(id, StringComparison.Ordinal), "dm tv frame");
        var tvEvent = await tv.WaitForAsync(f => f.Type == "handout", "the TV's own showing");
        Assert.That(tvEvent.Json.GetProperty("handout_id").GetString(), Is.EqualTo(id));
        using var after = await HandoutHttp.ImageAsync(server, "observer", id);
        Assert.That((int)after.StatusCode, Is.EqualTo(200), "on the TV, the observers may fetch it");

        await using var tv2 = await server.ConnectAsync("observer");
        var welcome = tv2.Frames.First(f => f.Type == "welcome");
        Assert.That(welcome.Json.GetProperty("tv").GetProperty("handout_id").GetString(), Is.EqualTo(id));

        var cleared = await server.DmPostAsync("/api/dm/tv", new { clear = true });
        Assert.That(cleared.GetProperty("tv").TryGetProperty("handout_id", out _), Is.False);
        await tv.WaitForAsync(f => f.Type == "tv" && !f.Json.TryGetProperty("handout_id", out _), "tv cleared");
        await using var tv3 = await server.ConnectAsync("observer");
        Assert.That(tv3.Frames.First(f => f.Type == "welcome").Json.GetProperty("tv").EnumerateObject().Count(), Is.Zero);

        // The player saw none of it: no tv frames, no tv field, only the party's showing (not the TV's).
        Assert.That(thorin.OfType("tv"), Is.Empty);
        Assert.That(thorin.Frames.First(f => f.Type == "welcome").Json.TryGetProperty("tv", out _), Is.False);
        Assert.That(thorin.OfType("handout").Select(f => f.Seq), Is.EqualTo(new long?[] { 3 }));
        Assert.That(tvEvent.Seq, Is.Not.EqualTo(3));
    }

    [Test]
    public async Task Show_TvOnlyAudience_ReachesTheTvNotThePlayers_AndTakesTheSlot()
    {
        await using var server = await TestServer.StartAsync();
        var id = await HandoutHttp.UploadPngAsync(server, "Title card");
        await using var tv = await server.ConnectAsync("observer");
        await using var elara = await server.ConnectAsync("elara");

        await HandoutHttp.ShowAsync(server, id, "tv");

        var frame = await tv.WaitForAsync(f => f.Type == "tv", "tv frame");
        Assert.That(frame.Json.GetProperty("handout_id").GetString(), Is.EqualTo(id));
        await tv.WaitForAsync(f => f.Type == "handout", "handout event on the TV");
        Assert.That(await HandoutHttp.ListedAsync(server, "elara"), Is.Empty);
        using var image = await HandoutHttp.ImageAsync(server, "elara", id);
        Assert.That((int)image.StatusCode, Is.EqualTo(404));
        // A later public event reaches her; the TV-only one never did.
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "The lights dim." });
        await elara.WaitForTextAsync("The lights dim.");
        Assert.That(elara.OfType("handout").Concat(elara.OfType("tv")), Is.Empty);
    }

    [Test]
    public async Task Show_Public_PutsItOnTheTv_PartyDoesNot()
    {
        await using var server = await TestServer.StartAsync();
        var partyOnly = await HandoutHttp.UploadPngAsync(server, "Party clue", red: 10);
        var everyone = await HandoutHttp.UploadPngAsync(server, "Town map", red: 20);
        await using var tv = await server.ConnectAsync("observer");

        await HandoutHttp.ShowAsync(server, partyOnly, "party");
        await HandoutHttp.ShowAsync(server, everyone, null);

        var frame = await tv.WaitForAsync(f => f.Type == "tv", "tv frame");
        Assert.That(frame.Json.GetProperty("handout_id").GetString(), Is.EqualTo(everyone));
        Assert.That(tv.OfType("tv").Count(), Is.EqualTo(1), "the party handout never took the TV");
    }
}
