using PartyMode.Engine;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Seats;

/// <summary>A kick ends what the seat left open (docs/protocol.md §2.2): its actions and its roll requests.</summary>
public sealed class SeatKickTests
{
    [Test]
    public async Task Kick_SeatWithOpenRollRequests_CancelsThemAndLeavesOthersOpen()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var gorms = await game.Rolls.RequestAsync("gorm", "1d20", null, null, null, "[GORM-1]", null);
        var gorms2 = await game.Rolls.RequestAsync("gorm", "save:con", null, 12, "dm", "[GORM-2]", null);
        var vexs = await game.Rolls.RequestAsync("vex", "1d20", null, null, null, null, null);

        await game.KickSeatAsync("gorm");

        var byId = game.Rolls.ListRequests(null).ToDictionary(r => r.Id, r => r.Status);
        Assert.That((byId[gorms.Id], byId[gorms2.Id], byId[vexs.Id]), Is.EqualTo((RollRequestStatus.Cancelled, RollRequestStatus.Cancelled, RollRequestStatus.Open)));
        var told = store.Published.Of<RollRequestNotice>().Where(n => n.Request.Status == RollRequestStatus.Cancelled).Select(n => n.Request.Id);
        Assert.That(told, Is.EquivalentTo(new[] { gorms.Id, gorms2.Id }), "the DM's view hears of each cancelled request");
        Assert.That(game.Welcome(Viewer.Dm).RollRequests.Select(r => r.Id), Is.EqualTo(new[] { vexs.Id }));
    }

    [Test]
    public async Task Kick_WhileTheDmWaitsOnTheRequest_TheWaitEndsCancelled()
    {
        var game = GameFactory.Demo();
        var request = await game.Rolls.RequestAsync("gorm", "1d20", null, null, null, null, null);
        var waiting = game.Rolls.GetRequestAsync(request.Id, TimeSpan.FromSeconds(30), CancellationToken.None);

        await game.KickSeatAsync("gorm");

        Assert.That((await waiting.WaitAsync(TimeSpan.FromSeconds(20))).Status, Is.EqualTo(RollRequestStatus.Cancelled));
    }

    [Test]
    public async Task Kick_ThenRestart_RequestsStayCancelled()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var request = await game.Rolls.RequestAsync("elara", "1d20", null, null, null, null, null);
        await game.KickSeatAsync("elara");
        game.Dispose();

        var reopened = GameFactory.Open(store, store.Watermark);

        Assert.That(reopened.Rolls.ListRequests(null).Single(r => r.Id == request.Id).Status, Is.EqualTo(RollRequestStatus.Cancelled));
    }
}
