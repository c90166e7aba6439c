using PartyMode.Engine;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Combat;

public sealed class CombatRestartTests
{
    [Test]
    public async Task Restart_MidTurnBasedRound_KeepsRoundTurnAndGating()
    {
        var f = new CombatFixture();
        await f.StartStandardFight(goblinHidden: true);
        for (var i = 0; i < 7; i++)
        {
            await f.Game.NextTurnAsync();
        }

        var before = f.Game.CombatView(Viewer.Dm)!;

        f.Restart();

        var after = f.Game.CombatView(Viewer.Dm)!;
        Assert.That((after.Round, after.CurrentTurn), Is.EqualTo((2, "elara")));
        Assert.That(after.Initiative.Select(c => $"{c.Id}:{c.Hp}:{c.Hidden}").JoinIds(), Is.EqualTo(before.Initiative.Select(c => $"{c.Id}:{c.Hp}:{c.Hidden}").JoinIds()));
        Assert.That(() => f.Act("thorin"), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("not_your_turn"));
        Assert.That((await f.Act("elara")).Created, Is.True);
        Assert.That((await f.Game.NextTurnAsync())!.CurrentTurn, Is.EqualTo("vex"));
    }

    [Test]
    public async Task Restart_MidSimultaneousRound_KeepsSubmissionsAndClosesWhenTheRestSubmit()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.NextTurnAsync();
        await f.Game.SimultaneousRoundAsync("The dam bursts!", 300);
        await f.Act("gorm");
        await f.Act("thorin");

        f.Restart();

        var view = f.Game.CombatView(Viewer.Player("vex"))!;
        Assert.That((view.Mode, view.Submitted!.JoinIds(), view.WaitingFor!.JoinIds(), view.YourTurn), Is.EqualTo((CombatMode.Simultaneous, "gorm,thorin", "elara,vex", true)));
        Assert.That(await f.Game.NextActionAsync(TimeSpan.Zero, CancellationToken.None), Is.Null);
        Assert.That(() => f.Act("gorm"), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("already_submitted"));
        await f.Act("vex");
        await f.Act("elara");
        var order = new List<string>();
        while (await f.Game.NextActionAsync(TimeSpan.Zero, CancellationToken.None) is { } a)
        {
            order.Add(a.PlayerId);
        }

        Assert.That(order.JoinIds(), Is.EqualTo("thorin,elara,vex,gorm"));
        var dm = f.Game.CombatView(Viewer.Dm)!;
        Assert.That((dm.Mode, dm.Round, dm.CurrentTurn), Is.EqualTo((CombatMode.TurnBased, 1, "goblin")));
    }

    [Test]
    public async Task Restart_MidSimultaneousRound_TheDeadlineStillCloses()
    {
        var f = new CombatFixture();
        await f.Game.SimultaneousRoundAsync("Everyone: hold your breath.", 300);
        await f.Act("elara");
        f.Time.Advance(TimeSpan.FromSeconds(100));

        f.Restart();
        f.Time.Advance(TimeSpan.FromSeconds(199));
        Assert.That(f.Game.CombatView(Viewer.Dm), Is.Not.Null);
        f.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(f.Game.CombatView(Viewer.Dm), Is.Null);
        var released = await f.Game.NextActionAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.That((released?.PlayerId, released?.Status), Is.EqualTo(("elara", (ActionStatus?)ActionStatus.Processing)));
    }

    [Test]
    public async Task Restart_AfterTheDeadlinePassedWhileDown_ClosesTheRoundAtOnce()
    {
        var f = new CombatFixture();
        await f.Game.SimultaneousRoundAsync("Quick decision!", 30);
        await f.Act("vex");

        f.Restart(downtime: TimeSpan.FromMinutes(5));

        Assert.That(f.Game.CombatView(Viewer.Dm), Is.Null);
        Assert.That(f.StoredCombat, Is.Null);
        Assert.That((await f.Game.NextActionAsync(TimeSpan.Zero, CancellationToken.None))?.PlayerId, Is.EqualTo("vex"));
    }

    [Test]
    public async Task StoredState_RoundTripsThroughJson_WithSnakeCaseAndEnumNames()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.SimultaneousRoundAsync("Now!", 60, ["vex"]);

        var json = System.Text.Json.JsonSerializer.Serialize(f.StoredCombat, EngineJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<PartyMode.Engine.Combat.CombatState>(json, EngineJson.Options)!;

        Assert.That(json, Does.Contain("\"mode\":\"simultaneous\"").And.Contain("\"max_hp\":7").And.Contain("\"kind\":\"npc\"").And.Not.Contain("is_down_npc"));
        Assert.That((back.Simultaneous!.Players.Single(), back.Combatants.Count, back.Active), Is.EqualTo(("vex", 5, true)));
    }
}
