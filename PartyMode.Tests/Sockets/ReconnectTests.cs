using PartyMode.Tests.Support;

namespace PartyMode.Tests.Sockets;

public sealed class ReconnectTests
{
    [Test]
    public async Task Reconnect_WithLastSeq_GetsExactlyTheFiveMissedInOrderThenLive()
    {
        await using var server = await TestServer.StartAsync();
        await using var elara = await server.ConnectAsync("elara");
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "before" });
        await elara.WaitForTextAsync("before");
        var lastSeq = elara.LastSeq;
        await elara.DisconnectAsync();

        var missed = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            missed.Add($"MISSED-{i}");
            await server.DmPostAsync("/api/dm/narrate", new { narrative = $"MISSED-{i}" });
        }

        // Events not for Elara in between must not count.
        await server.DmPostAsync("/api/dm/whisper", new { to = new[] { "vex" }, text = "NOT-FOR-ELARA" });
        elara.ClearFrames();
        await elara.ConnectAsync(lastSeq);
        await elara.WaitForTextAsync("MISSED-5");
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "LIVE-1" });
        await elara.WaitForTextAsync("LIVE-1");

        var texts = elara.Events.Select(f => f.Text).ToList();
        Assert.That(texts, Is.EqualTo(missed.Append("LIVE-1").ToList()));
        Assert.That(elara.Events.Select(f => f.Seq), Is.Ordered.Ascending);
    }

    [Test]
    public async Task Connect_WithoutLastSeq_ReplaysNewestHundredVisible()
    {
        await using var server = await TestServer.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            await server.DmPostAsync("/api/dm/narrate", new { narrative = $"n{i}" });
        }

        await using var vex = await server.ConnectAsync("vex");
        await vex.WaitForTextAsync("n119");
        var welcome = vex.OfType("welcome").Single();
        Assert.That(vex.Events, Has.Count.EqualTo(100));
        Assert.That(vex.Events[^1].Seq, Is.EqualTo(welcome.Json.GetProperty("last_seq").GetInt64()));
    }

    [Test]
    public async Task Connect_MoreThanThousandMissed_GetsResyncAndStaysLive()
    {
        await using var server = await TestServer.StartAsync();
        for (var i = 0; i < 1005; i++)
        {
            await server.DmPostAsync("/api/dm/narrate", new { narrative = $"n{i}" });
        }

        await using var gorm = await server.ConnectAsync("gorm", lastSeq: 0);
        var resync = await gorm.WaitForAsync(f => f.Type == "resync", "resync");
        Assert.That(resync.Json.GetProperty("last_seq").GetInt64(), Is.GreaterThan(1000));
        Assert.That(gorm.Events, Is.Empty);
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "after-resync" });
        await gorm.WaitForTextAsync("after-resync");
    }
}
