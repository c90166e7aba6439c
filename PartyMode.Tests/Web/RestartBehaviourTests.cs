using System.Net;
using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

public sealed class RestartBehaviourTests
{
    [Test]
    public async Task Restart_StoredGame_KeepsCampaignOrderOfPartyAndSeats()
    {
        await using var server = await TestServer.StartAsync();
        await server.RestartAsync();
        var party = await server.GetJsonAsync("vex", "/api/party");
        Assert.That(party.GetProperty("party").EnumerateArray().Select(p => p.GetProperty("id").GetString()), Is.EqualTo(TestServer.Players));
        var seats = await server.GetJsonAsync("dm", "/api/dm/seats");
        Assert.That(seats.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seat").GetString()), Is.EqualTo(TestServer.Players.Append("observer").Append("dm")));
    }

    [Test]
    public async Task Reset_UsedFolder_RevokesEveryOldLink()
    {
        using var folder = new TempFolder();
        string before;
        string refreshedAway;
        await using (var server = await TestServer.StartAsync(dataDirectory: folder.Path))
        {
            refreshedAway = server.Token("thorin");
            await server.DmPostAsync("/api/dm/seats/thorin/token");
            before = server.Token("elara");
        }

        await using var reset = await PartyServer.StartAsync(new PartyServerOptions { DataDirectory = folder.Path, Port = 0, BindAddress = "127.0.0.1", Reset = true });
        using var http = new HttpClient { BaseAddress = new Uri(reset.LocalUrl) };
        foreach (var old in new[] { before, refreshedAway })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + old);
            Assert.That((await http.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        Assert.That(reset.TokenFor("elara"), Is.Not.EqualTo(before));
        Assert.That(reset.Game.ListActions(null), Is.Empty);
    }

    [Test]
    public async Task ActionEvent_SeenByTheTable_CarriesNoClientId()
    {
        await using var server = await TestServer.StartAsync();
        await using var vex = await server.ConnectAsync("vex");
        await using var thorin = await server.ConnectAsync("thorin");
        await thorin.SendActionAsync("[CID-TEST] I wave", "client-key-123");
        var heard = await vex.WaitForAsync(f => f.Type == "action" && f.Raw.Contains("[CID-TEST]", StringComparison.Ordinal), "the action");
        Assert.That(heard.Raw, Does.Not.Contain("client-key-123"));
        var status = await thorin.WaitForAsync(f => f.Type == "action_status", "own status");
        Assert.That(status.Json.GetProperty("client_id").GetString(), Is.EqualTo("client-key-123"));
    }

    [Test]
    public async Task Roll_PrivateOrBlind_CarriesItsVisibility()
    {
        await using var server = await TestServer.StartAsync();
        await using var elara = await server.ConnectAsync("elara", lastSeq: 0);
        var opening = await elara.WaitForAsync(f => f.Type == "roll", "the opening hidden roll");
        Assert.That(opening.Json.GetProperty("visibility").GetString(), Is.EqualTo("private"));
        await server.DmPostAsync("/api/dm/roll", new { expr = "1d6", visibility = "public", label = "[PUB-ROLL]" });
        var open = await elara.WaitForAsync(f => f.Raw.Contains("[PUB-ROLL]", StringComparison.Ordinal), "public roll");
        Assert.That(open.Json.GetProperty("visibility").GetString(), Is.EqualTo("public"));
    }

    [Test]
    public async Task Resolve_WithNarrativeAudience_KeepsAWhisperedOutcomePrivate()
    {
        await using var server = await TestServer.StartAsync();
        await using var observer = await server.ConnectAsync("observer");
        var action = await server.SubmitAsync("vex", "I palm the key", isPrivate: true);
        await server.DmPostAsync("/api/dm/actions/next");
        await server.DmPostAsync($"/api/dm/actions/{action.GetProperty("id").GetString()}/resolve", new { narrative = "[QUIET] nobody saw", audience = new[] { "vex" } });
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "[LOUD]" });
        await observer.WaitForTextAsync("[LOUD]");
        Assert.That(observer.Frames.Any(f => f.Raw.Contains("[QUIET]", StringComparison.Ordinal)), Is.False);
        var vexEvents = await server.GetJsonAsync("vex", "/api/events?limit=1000");
        Assert.That(vexEvents.ToString(), Does.Contain("[QUIET]"));
    }
}
