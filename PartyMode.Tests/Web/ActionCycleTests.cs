using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

public sealed class ActionCycleTests
{
    [Test]
    public async Task Resolve_WithPrivatePartAndNote_EachViewerGetsExactlyItsShare()
    {
        await using var server = await TestServer.StartAsync();
        var players = new Dictionary<string, SimulatedPlayer>();
        foreach (var p in TestServer.Players)
        {
            players[p] = await server.ConnectAsync(p);
        }

        await using var observer = await server.ConnectAsync("observer");
        await using var dm = await server.ConnectAsync("dm");

        var action = await server.SubmitAsync("thorin", "I search the room");
        var id = action.GetProperty("id").GetString()!;
        var popped = await server.DmPostAsync("/api/dm/actions/next");
        Assert.That(popped.GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(id));
        await server.DmPostAsync($"/api/dm/actions/{id}/resolve", new
        {
            narrative = "NARR-1 Thorin finds a hidden latch.",
            @private = new Dictionary<string, string> { ["thorin"] = "PRIV-THORIN the latch is warm" },
            dm_only = "NOTE-DM a trap is armed",
        });

        foreach (var viewer in players.Values.Append(observer).Append(dm))
        {
            await viewer.WaitForTextAsync("NARR-1");
        }

        await players["thorin"].WaitForTextAsync("PRIV-THORIN");
        await dm.WaitForTextAsync("PRIV-THORIN");
        await dm.WaitForTextAsync("NOTE-DM");
        await players["thorin"].WaitForAsync(f => f.Type == "action_status" && f.Json.GetProperty("status").GetString() == "resolved", "resolved status");
        await dm.WaitForAsync(f => f.Type == "action_status" && f.Json.GetProperty("status").GetString() == "resolved", "resolved status");

        // A sentinel after everything: once each socket has it, nothing earlier is still in flight.
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "SENTINEL" });
        foreach (var viewer in players.Values.Append(observer).Append(dm))
        {
            await viewer.WaitForTextAsync("SENTINEL");
        }

        Assert.Multiple(() =>
        {
            foreach (var (seat, p) in players.Where(p => p.Key != "thorin"))
            {
                Assert.That(p.Frames.Any(f => f.Raw.Contains("PRIV-THORIN", StringComparison.Ordinal)), Is.False, seat);
                Assert.That(p.Frames.Any(f => f.Type == "action_status"), Is.False, seat);
            }

            foreach (var p in players.Values.Append(observer))
            {
                Assert.That(p.Frames.Any(f => f.Raw.Contains("NOTE-DM", StringComparison.Ordinal)), Is.False, p.Seat);
            }

            Assert.That(observer.Frames.Any(f => f.Raw.Contains("PRIV-THORIN", StringComparison.Ordinal)), Is.False);
            Assert.That(observer.Frames.Any(f => f.Type == "action_status"), Is.False);
            Assert.That(players["thorin"].Frames.Count(f => f.Raw.Contains("PRIV-THORIN", StringComparison.Ordinal)), Is.EqualTo(1));
        });

        foreach (var p in players.Values)
        {
            await p.DisposeAsync();
        }
    }

    [Test]
    public async Task PrivateAction_Whisper_ReachesOnlyActorAndDm()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");
        await using var vex = await server.ConnectAsync("vex");
        await using var observer = await server.ConnectAsync("observer");
        await using var dm = await server.ConnectAsync("dm");
        await thorin.SendActionAsync("WHISPER-1 I pocket the gem", "c-1", isPrivate: true);
        await thorin.WaitForTextAsync("WHISPER-1");
        await dm.WaitForTextAsync("WHISPER-1");
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "SENTINEL" });
        await vex.WaitForTextAsync("SENTINEL");
        await observer.WaitForTextAsync("SENTINEL");
        Assert.That(vex.Frames.Concat(observer.Frames).Any(f => f.Raw.Contains("WHISPER-1", StringComparison.Ordinal)), Is.False);
        using var vexHttp = server.Client("vex");
        var events = await vexHttp.GetStringAsync("/api/events?after=0&limit=1000");
        Assert.That(events, Does.Not.Contain("WHISPER-1"));
    }

    [Test]
    public async Task WsAction_SameClientIdTwice_QueuesOnce()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");
        await thorin.SendActionAsync("once", "dup-1");
        await thorin.WaitForAsync(f => f.Type == "action_status", "first status");
        await thorin.SendActionAsync("once", "dup-1");
        await Poll.UntilAsync(() => thorin.OfType("action_status").Count() >= 2, "second status");
        using var dm = server.Client("dm");
        var list = await dm.GetStringAsync("/api/dm/actions");
        Assert.That(System.Text.RegularExpressions.Regex.Count(list, "\"id\":\"act_"), Is.EqualTo(1));
    }
}
