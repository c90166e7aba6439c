using PartyMode.Tests.Support;

namespace PartyMode.Tests.Sockets;

/// <summary><c>seat_count</c> (docs/protocol.md §4.5.9): the DM hears every socket of every seat open and close.</summary>
public sealed class SeatCountTests
{
    [Test]
    public async Task SeatCount_SecondTabAndObserver_DmGetsEachCountPlayersNone()
    {
        await using var server = await TestServer.StartAsync();
        await using var dm = await server.ConnectAsync("dm");
        await using var vex = await server.ConnectAsync("vex");
        await using var thorin = await server.ConnectAsync("thorin");
        await using var thorinTab = await server.ConnectAsync("thorin");
        await using var observer = await server.ConnectAsync("observer");

        await dm.WaitForAsync(f => Counts(f, "thorin", 2), "thorin at 2 sockets");
        await dm.WaitForAsync(f => Counts(f, "observer", 1), "the observer at 1 socket");
        await thorinTab.DisconnectAsync();
        var down = await dm.WaitForAsync(f => Counts(f, "thorin", 1), "thorin back at 1 socket");

        Assert.That(down.Json.GetProperty("connected").GetBoolean(), Is.True);
        Assert.That(DateTimeOffset.Parse(down.Json.GetProperty("last_seen").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1)));
        await observer.DisconnectAsync();
        var gone = await dm.WaitForAsync(f => Counts(f, "observer", 0), "the observer gone");
        Assert.That(gone.Json.GetProperty("connected").GetBoolean(), Is.False);
        Assert.That(dm.OfType("presence").Any(f => f.Raw.Contains("observer", StringComparison.Ordinal)), Is.False, "the observer still gets no presence");
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "[SEATS-SETTLED]" });
        await vex.WaitForTextAsync("[SEATS-SETTLED]");
        await thorin.WaitForTextAsync("[SEATS-SETTLED]");
        Assert.That(vex.OfType("seat_count").Concat(thorin.OfType("seat_count")), Is.Empty, "players never get seat counts");
        Assert.That(dm.OfType("seat_count").Any(f => f.Raw.Contains("\"dm\"", StringComparison.Ordinal)), Is.False, "the DM's own seat is not counted");
    }

    private static bool Counts(Frame f, string seat, int count) =>
        f.Type == "seat_count" && f.Json.GetProperty("seat").GetString() == seat && f.Json.GetProperty("connections").GetInt32() == count;
}
