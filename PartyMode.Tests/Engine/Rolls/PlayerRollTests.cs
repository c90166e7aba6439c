using PartyMode.Engine;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Rolls;

/// <summary>Players' rolls (docs/protocol.md §7.1): real dice, visibilities, idempotency, the rate limit, who may roll.</summary>
public sealed class PlayerRollTests
{
    private static readonly Viewer Vex = Viewer.Player("vex");

    [TestCase("skill:stealth", 1, 8)]
    [TestCase("skill:stealth", 20, 27)]
    [TestCase("1d20+5", 6, 6)]
    [TestCase("2d6+3", 15, 15)]
    [TestCase("damage:shortsword", 4, 4)]
    public async Task Roll_PhysicalInRange_StoresThePlayersNumber(string expr, int result, int total)
    {
        var game = GameFactory.Demo();
        var e = (await game.Rolls.RollAsync(Vex, new RollInput(expr, Physical: true, Result: result))).Event;
        Assert.Multiple(() =>
        {
            Assert.That(e.Total, Is.EqualTo(total));
            Assert.That(e.Physical, Is.True);
        });
    }

    [TestCase("skill:stealth", 0)]
    [TestCase("skill:stealth", 21)]
    [TestCase("save:dex", null)]
    [TestCase("1d20+5", 5)]
    [TestCase("1d20+5", 26)]
    [TestCase("2d6+3", 4)]
    [TestCase("2d6+3", 16)]
    [TestCase("1d20-1d4", 20)]
    [TestCase("damage:shortsword", 10)]
    public void Roll_PhysicalOutOfRange_IsBadPhysicalResult(string expr, int? result)
    {
        var game = GameFactory.Demo();
        Assert.That(async () => await game.Rolls.RollAsync(Vex, new RollInput(expr, Physical: true, Result: result)),
            Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("bad_physical_result"));
        Assert.That(game.EventsAfter(Viewer.Dm, 0, 1000).Events.Any(e => e.By == "vex"), Is.False, "nothing stored");
    }

    [TestCase("public", "public")]
    [TestCase("party", "party")]
    [TestCase("dm", "players:vex")]
    [TestCase("blind", "dm")]
    [TestCase(null, "public")]
    public async Task Roll_Visibility_GivesItsAudience(string? visibility, string audience)
    {
        var game = GameFactory.Demo();
        var outcome = await game.Rolls.RollAsync(Vex, new RollInput("1d20", Visibility: visibility));
        Assert.That(outcome.Event.Audience.ToString(), Is.EqualTo(audience));
        Assert.That(outcome.Blind, Is.EqualTo(visibility == "blind"));
    }

    [Test]
    public async Task Roll_SameClientId_ReturnsTheFirstRollEvenAfterARestart()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var first = await game.Rolls.RollAsync(Vex, new RollInput("1d100", ClientId: "c1"));
        var again = await game.Rolls.RollAsync(Vex, new RollInput("1d100", ClientId: "c1"));
        Assert.That((first.Created, again.Created, again.Event.Seq), Is.EqualTo((true, false, first.Event.Seq)));

        var reopened = GameFactory.Open(store, store.Watermark);
        var afterRestart = await reopened.Rolls.RollAsync(Vex, new RollInput("1d100", ClientId: "c1"));
        Assert.That((afterRestart.Created, afterRestart.Event.Seq, afterRestart.Event.Total), Is.EqualTo((false, first.Event.Seq, first.Event.Total)));
        var other = await reopened.Rolls.RollAsync(Viewer.Player("thorin"), new RollInput("1d100", ClientId: "c1"));
        Assert.That(other.Created, Is.True, "client ids are per seat");
    }

    [Test]
    public async Task Roll_TwentyFirstInTenSeconds_IsRateLimitedPerSeatAndFreesUpAfterTheWindow()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var game = GameFactory.Demo(time: time, options: new GameOptions { ActionRateCount = 1000, Random = new Random(3) });
        for (var i = 0; i < 20; i++)
        {
            await game.Rolls.RollAsync(Vex, new RollInput("1d20"));
        }

        var refused = Assert.ThrowsAsync<GameException>(async () => await game.Rolls.RollAsync(Vex, new RollInput("1d20")));
        Assert.That((refused!.Kind, refused.Code), Is.EqualTo((ErrorKind.RateLimited, "rate_limited")));
        Assert.That((await game.Rolls.RollAsync(Viewer.Player("elara"), new RollInput("1d20"))).Created, Is.True, "another seat rolls on");
        await game.SubmitActionAsync(Vex, "Actions have their own limit", null, false);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.That((await game.Rolls.RollAsync(Vex, new RollInput("1d20"))).Created, Is.True);
    }

    [Test]
    public void Roll_ObserverOrDm_IsRefused()
    {
        var game = GameFactory.Demo();
        Assert.That(async () => await game.Rolls.RollAsync(Viewer.Observer, new RollInput("1d20")),
            Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("observer_cannot_act"));
        Assert.That(async () => await game.Rolls.RollAsync(Viewer.Dm, new RollInput("1d20")),
            Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Forbidden));
    }

    [Test]
    public async Task Roll_InCombatOffTurn_IsNotGated()
    {
        var game = GameFactory.Demo();
        await game.StartCombatAsync([new PartyMode.Engine.Combat.CombatantSpec { Id = "thorin", Initiative = 20 }, new PartyMode.Engine.Combat.CombatantSpec { Id = "vex", Initiative = 5 }]);
        Assert.That((await game.Rolls.RollAsync(Vex, new RollInput("save:dex"))).Created, Is.True);
    }

    [Test]
    public async Task DmRoll_HasByAndVisibility()
    {
        var game = GameFactory.Demo();
        var e = await game.RollAsync("1d20", "party", null, null);
        Assert.That((e.By, e.Visibility), Is.EqualTo(("dm", "party")));
    }
}
