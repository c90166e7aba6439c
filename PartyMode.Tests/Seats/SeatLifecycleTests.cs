using System.Net;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Seats;

public sealed class SeatLifecycleTests
{
    [Test]
    public async Task Refresh_OldTokenRefusedEverywhere_NewTokenWorks()
    {
        await using var server = await TestServer.StartAsync();
        var old = server.Token("vex");
        await using var vex = await server.ConnectAsync("vex");
        var body = await server.DmPostAsync("/api/dm/seats/vex/token");
        var fresh = body.GetProperty("token").GetString()!;
        Assert.That(fresh, Is.Not.EqualTo(old));
        Assert.That(body.GetProperty("url").GetString(), Does.EndWith("/play?token=" + fresh));

        await vex.WaitClosedAsync();
        Assert.That(vex.CloseCode, Is.EqualTo(4401));
        using var oldHttp = server.ClientWithToken(old);
        var response = await oldHttp.GetAsync("/api/session");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("invalid_token"));

        var again = new SimulatedPlayer("vex", old, () => server.WsUri);
        await again.ConnectAsync(waitForWelcome: false);
        await again.WaitClosedAsync();
        Assert.That(again.CloseCode, Is.EqualTo(4401));

        using var freshHttp = server.ClientWithToken(fresh);
        Assert.That((await freshHttp.GetAsync("/api/session")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var renewed = new SimulatedPlayer("vex", fresh, () => server.WsUri);
        await renewed.ConnectAsync();
        Assert.That(renewed.IsOpen, Is.True);
        await renewed.DisposeAsync();
        await again.DisposeAsync();
    }

    [Test]
    public async Task Kick_ClosesSocketsRefusesTokenCancelsActions_OthersUnaffected()
    {
        await using var server = await TestServer.StartAsync();
        await using var gorm1 = await server.ConnectAsync("gorm");
        await using var gorm2 = await server.ConnectAsync("gorm");
        await using var elara = await server.ConnectAsync("elara");
        await using var dm = await server.ConnectAsync("dm");
        var token = server.Token("gorm");
        var pending = await server.SubmitAsync("gorm", "I pray");

        var kick = await server.DmPostAsync("/api/dm/seats/gorm/kick");
        Assert.That(kick.GetProperty("kicked").GetBoolean(), Is.True);
        Assert.That(kick.GetProperty("closed_connections").GetInt32(), Is.EqualTo(2));
        await gorm1.WaitClosedAsync();
        await gorm2.WaitClosedAsync();
        Assert.That((gorm1.CloseCode, gorm2.CloseCode), Is.EqualTo((4403, 4403)));

        using var kicked = server.ClientWithToken(token);
        var response = await kicked.GetAsync("/api/session");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("seat_kicked"));
        var ws = new SimulatedPlayer("gorm", token, () => server.WsUri);
        await ws.ConnectAsync(waitForWelcome: false);
        await ws.WaitClosedAsync();
        Assert.That(ws.CloseCode, Is.EqualTo(4403));
        await ws.DisposeAsync();

        var action = await server.GetJsonAsync("dm", "/api/actions/" + pending.GetProperty("id").GetString());
        Assert.That(action.GetProperty("action").GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        await elara.WaitForAsync(f => f.Type == "presence" && f.Json.GetProperty("player_id").GetString() == "gorm" && !f.Json.GetProperty("connected").GetBoolean(), "gorm left");
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "still here" });
        await elara.WaitForTextAsync("still here");
        Assert.That(elara.IsOpen, Is.True);

        var refreshed = (await server.DmPostAsync("/api/dm/seats/gorm/token")).GetProperty("token").GetString()!;
        using var back = server.ClientWithToken(refreshed);
        Assert.That((await back.GetAsync("/api/session")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SeatQrImage_RefreshAndKick_FollowTheToken()
    {
        await using var server = await TestServer.StartAsync();
        var qr = Path.Combine(server.DataDirectory, "qr", "elara.png");
        var before = await File.ReadAllBytesAsync(qr);

        await server.DmPostAsync("/api/dm/seats/elara/token");
        Assert.That(await File.ReadAllBytesAsync(qr), Is.Not.EqualTo(before), "the image encodes the new link");

        await server.DmPostAsync("/api/dm/seats/elara/kick");
        Assert.That(File.Exists(qr), Is.False, "a kicked seat has no image");
    }

    [Test]
    public async Task Player_NinthTab_IsClosedWith4409()
    {
        await using var server = await TestServer.StartAsync();
        var tabs = new List<SimulatedPlayer>();
        for (var i = 0; i < 8; i++)
        {
            tabs.Add(await server.ConnectAsync("thorin"));
        }

        var ninth = new SimulatedPlayer("thorin", server.Token("thorin"), () => server.WsUri);
        await ninth.ConnectAsync(waitForWelcome: false);
        await ninth.WaitClosedAsync();
        Assert.That(ninth.CloseCode, Is.EqualTo(4409));
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "to all tabs" });
        foreach (var tab in tabs)
        {
            await tab.WaitForTextAsync("to all tabs");
            await tab.DisposeAsync();
        }

        await ninth.DisposeAsync();
    }

    [Test]
    public async Task Session_EachRole_DescribesSeat()
    {
        await using var server = await TestServer.StartAsync();
        var session = await server.GetJsonAsync("elara", "/api/session");
        Assert.That(session.GetProperty("role").GetString(), Is.EqualTo("player"));
        Assert.That(session.GetProperty("player_id").GetString(), Is.EqualTo("elara"));
        Assert.That(session.GetProperty("campaign").GetProperty("id").GetString(), Is.EqualTo("demo-lost-mine"));
        var observer = await server.GetJsonAsync("observer", "/api/session");
        Assert.That(observer.GetProperty("role").GetString(), Is.EqualTo("observer"));
        Assert.That(observer.GetProperty("player_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
