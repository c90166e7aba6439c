using PartyMode.Engine;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Rolls;

/// <summary>The DM's roll requests (docs/protocol.md §7.2) in the engine.</summary>
public sealed class RollRequestTests
{
    [Test]
    public async Task Request_AnsweredByThePlayer_TakesExprModeAndVisibilityFromTheRequest()
    {
        var game = GameFactory.Demo();
        var request = await game.Rolls.RequestAsync("vex", "save:dex", "advantage", 14, "party", "The floor gives way", null);
        Assert.That((request.Id, request.Status, request.Visibility, request.AllowPhysical), Is.EqualTo(("rr_000001", RollRequestStatus.Open, "party", true)));
        Assert.That(game.Welcome(Viewer.Player("vex")).RollRequests.Select(r => r.Id), Is.EqualTo(new[] { "rr_000001" }));
        Assert.That(game.Welcome(Viewer.Player("thorin")).RollRequests, Is.Empty);
        Assert.That(game.Welcome(Viewer.Dm).RollRequests, Has.Count.EqualTo(1));

        var e = (await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput("1d4", Mode: "normal", Visibility: "public", RequestId: request.Id))).Event;
        Assert.Multiple(() =>
        {
            Assert.That(e.Expr, Is.EqualTo("save:dex"));
            Assert.That(e.Mode, Is.EqualTo("advantage"));
            Assert.That(e.Visibility, Is.EqualTo("party"));
            Assert.That(e.RequestId, Is.EqualTo("rr_000001"));
        });
        var rolled = game.Rolls.ListRequests(RollRequestStatus.Rolled).Single();
        Assert.That((rolled.RollTotal, rolled.RollSeq, rolled.Success), Is.EqualTo((e.Total, e.Seq, e.Total >= 14)));
        Assert.That(game.Welcome(Viewer.Player("vex")).RollRequests, Is.Empty);
        Assert.That(async () => await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput(null, RequestId: request.Id)),
            Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("already_rolled"));
    }

    [Test]
    public async Task Request_OfAnotherSeatOrUnknown_IsNotFound()
    {
        var game = GameFactory.Demo();
        var request = await game.Rolls.RequestAsync("vex", "1d20", null, null, null, null, null);
        foreach (var (seat, id) in new[] { ("thorin", request.Id), ("vex", "rr_999999") })
        {
            var e = Assert.ThrowsAsync<GameException>(async () => await game.Rolls.RollAsync(Viewer.Player(seat), new RollInput(null, RequestId: id)));
            Assert.That(e!.Kind, Is.EqualTo(ErrorKind.NotFound));
        }
    }

    [Test]
    public async Task Request_Create_RefusesUnknownPlayerKickedSeatAndBadInput()
    {
        var game = GameFactory.Demo();
        Assert.That(async () => await game.Rolls.RequestAsync("bob", "1d20", null, null, null, null, null), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.NotFound));
        Assert.That(async () => await game.Rolls.RequestAsync("vex", "skill:flying", null, null, null, null, null), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("unknown_reference"));
        Assert.That(async () => await game.Rolls.RequestAsync("vex", "1d20", null, null, "secret", null, null), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("bad_request"));
        await game.KickSeatAsync("gorm");
        Assert.That(async () => await game.Rolls.RequestAsync("gorm", "1d20", null, null, null, null, null), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("seat_kicked"));
        Assert.That(game.Rolls.ListRequests(null), Is.Empty);
    }

    [Test]
    public async Task Request_Cancelled_LeavesTheWelcomeAndCannotBeAnswered()
    {
        var game = GameFactory.Demo();
        var request = await game.Rolls.RequestAsync("vex", "1d20", null, null, null, null, null);
        var cancelled = await game.Rolls.CancelRequestAsync(request.Id);
        Assert.That(cancelled.Status, Is.EqualTo(RollRequestStatus.Cancelled));
        Assert.That(game.Welcome(Viewer.Player("vex")).RollRequests, Is.Empty);
        Assert.That(async () => await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput(null, RequestId: request.Id)), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Conflict));
        Assert.That(async () => await game.Rolls.CancelRequestAsync(request.Id), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Conflict));
    }

    [Test]
    public async Task Request_NoPhysicalAllowed_RefusesRealDice()
    {
        var game = GameFactory.Demo();
        var request = await game.Rolls.RequestAsync("vex", "save:dex", null, null, null, null, allowPhysical: false);
        Assert.That(async () => await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput(null, RequestId: request.Id, Physical: true, Result: 12)),
            Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("physical_not_allowed"));
    }

    [Test]
    public async Task Request_OpenAtRestart_StaysOpenAndAnswerable()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        await game.Rolls.RequestAsync("vex", "skill:stealth", null, 12, "blind", null, null);
        var reopened = GameFactory.Open(store, store.Watermark);
        Assert.That(reopened.Welcome(Viewer.Player("vex")).RollRequests.Single().Dc, Is.EqualTo(12));
        var second = await reopened.Rolls.RequestAsync("vex", "1d20", null, null, null, null, null);
        Assert.That(second.Id, Is.EqualTo("rr_000002"));
        var e = (await reopened.Rolls.RollAsync(Viewer.Player("vex"), new RollInput(null, RequestId: "rr_000001", Physical: true, Result: 10))).Event;
        Assert.That((e.Total, e.Visibility), Is.EqualTo((17, "blind")));
    }

    [Test]
    public async Task GetRequest_Waiting_ReturnsWhenThePlayerRolls()
    {
        var game = GameFactory.Demo(time: TimeProvider.System);
        var request = await game.Rolls.RequestAsync("vex", "1d20", null, 5, null, null, null);
        var waiting = game.Rolls.GetRequestAsync(request.Id, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False);
        await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput(null, RequestId: request.Id));
        var done = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(done.Status, Is.EqualTo(RollRequestStatus.Rolled));
    }
}
