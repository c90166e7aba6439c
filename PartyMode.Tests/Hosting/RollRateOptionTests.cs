using System.Net;
using System.Net.Http.Json;
using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Hosting;

/// <summary><c>serve --roll-rate</c> (docs/protocol.md §7.1): the roll limit is the server's option, apart from actions.</summary>
public sealed class RollRateOptionTests
{
    [Test]
    public async Task RollRate_TwoPerMinute_ThirdRollRefusedActionsStillAccepted()
    {
        await using var server = await TestServer.StartAsync(path => new PartyServerOptions
        {
            DataDirectory = path,
            Port = 0,
            BindAddress = "127.0.0.1",
            RollRateCount = 2,
            RollRateSeconds = 60,
            DiceSeed = 7,
        });
        using var thorin = server.Client("thorin");

        var first = await thorin.PostAsJsonAsync("/api/rolls", new { expr = "1d20" });
        var second = await thorin.PostAsJsonAsync("/api/rolls", new { expr = "1d20" });
        var third = await thorin.PostAsJsonAsync("/api/rolls", new { expr = "1d20" });
        var action = await thorin.PostAsJsonAsync("/api/actions", new { text = "I look around." });

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(third.StatusCode, Is.EqualTo((HttpStatusCode)429));
        Assert.That(await third.Content.ReadAsStringAsync(), Does.Contain("rate_limited"));
        Assert.That(action.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task RollRate_Default_TwentyRollsAccepted()
    {
        await using var server = await TestServer.StartAsync();
        using var elara = server.Client("elara");

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            codes.Add((await elara.PostAsJsonAsync("/api/rolls", new { expr = "1d6" })).StatusCode);
        }

        Assert.That(codes.Take(20), Has.All.EqualTo(HttpStatusCode.Created));
        Assert.That(codes[20], Is.EqualTo((HttpStatusCode)429));
    }
}
