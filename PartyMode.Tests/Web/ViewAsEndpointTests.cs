using System.Net.Http.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

/// <summary><c>GET /api/dm/view-as/{seat}</c> (docs/protocol.md §3.7.14): the state the seat's own welcome carries.</summary>
public sealed class ViewAsEndpointTests
{
    [Test]
    public async Task ViewAs_PlayerInCombat_OwnSheetCombatWithoutTheHiddenNpcAndNoDc()
    {
        await using var server = await TestServer.StartAsync();
        await server.DmPostAsync("/api/dm/combat/start", CombatHttp.StandardFight(goblinHidden: true));
        await server.DmPostAsync("/api/dm/roll-requests", new { player = "thorin", expr = "save:con", dc = 77, reason = "[RR-VIEWAS]" }, expect: 201);

        var thorin = await server.GetJsonAsync("dm", "/api/dm/view-as/thorin");
        await using var socket = await server.ConnectAsync("thorin");
        var welcome = socket.OfType("welcome").Single().Json;

        Assert.That((thorin.GetProperty("seat").GetString(), thorin.GetProperty("role").GetString()), Is.EqualTo(("thorin", "player")));
        Assert.That(thorin.GetProperty("character").GetProperty("id").GetString(), Is.EqualTo("thorin"));
        Assert.That(thorin.GetProperty("combat").GetRawText(), Is.EqualTo(welcome.GetProperty("combat").GetRawText()), "the same combat view as the seat's own welcome");
        Assert.That(thorin.GetProperty("combat").GetRawText(), Does.Not.Contain("goblin"));
        Assert.That(thorin.GetProperty("roll_requests").GetRawText(), Does.Contain("[RR-VIEWAS]").And.Not.Contain("\"dc\""));
        Assert.That(thorin.GetProperty("character").GetRawText(), Is.EqualTo(welcome.GetProperty("character").GetRawText()));
    }

    [Test]
    public async Task ViewAs_Observer_NoSheetAndNoNumbers()
    {
        await using var server = await TestServer.StartAsync();
        await server.DmPostAsync("/api/dm/combat/start", CombatHttp.StandardFight());

        var observer = await server.GetJsonAsync("dm", "/api/dm/view-as/observer");

        Assert.That(observer.GetProperty("character").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(observer.TryGetProperty("roll_requests", out _), Is.False);
        Assert.That(observer.GetProperty("combat").GetRawText(), Does.Not.Contain("\"hp\"").And.Contain("goblin"));
        Assert.That(observer.GetProperty("party").GetRawText(), Does.Not.Contain("\"hp\""));
    }

    [Test]
    public async Task ViewAs_UnknownSeatOrPlayerToken_404And403()
    {
        await using var server = await TestServer.StartAsync();
        using var dm = server.Client("dm");
        var unknown = await dm.GetAsync("/api/dm/view-as/nobody");
        using var thorin = server.Client("thorin");
        var player = await thorin.GetAsync("/api/dm/view-as/elara");

        Assert.That((int)unknown.StatusCode, Is.EqualTo(404));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("No seat 'nobody'"));
        Assert.That((int)player.StatusCode, Is.EqualTo(403));
        Assert.That(await player.Content.ReadAsStringAsync(), Does.Not.Contain("secret_background"));
    }
}
