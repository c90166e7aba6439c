using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Combat;

public sealed class SimultaneousRoundTests
{
    private static readonly string[] ShuffledPlayers = ["gorm", "vex", "thorin", "elara"];

    [Test]
    public async Task Round_FourSubmitConcurrently_ClosesBeforeTheDeadlineAndTheDmGetsThemInInitiativeOrder()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.SimultaneousRoundAsync("The ceiling collapses: what do you do?", 300);

        // Submission order differs from initiative order (thorin, elara, vex, gorm).
        await Task.WhenAll(ShuffledPlayers.Select(p => Task.Run(() => f.Act(p, $"{p} dives aside"))));

        var view = f.Game.CombatView(Viewer.Dm)!;
        Assert.That((view.Mode, view.CurrentTurn, view.Prompt), Is.EqualTo((CombatMode.TurnBased, "thorin", (string?)null)));
        var popped = await PopAll(f);
        Assert.That(popped.Select(a => a.PlayerId).JoinIds(), Is.EqualTo("thorin,elara,vex,gorm"));
        Assert.That(popped.All(a => a.Status == ActionStatus.Processing && !a.Held), Is.True);
        Assert.That(f.Listener.Of<SystemNotice>()[^1].Text, Does.Contain("everyone has acted"));
    }

    [Test]
    public async Task Round_Open_HoldsActionsBackFromTheDm()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.SimultaneousRoundAsync("Hold the door!", 300);

        var (action, _) = await f.Act("vex");
        var next = await f.Game.NextActionAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.That(action.Held, Is.True);
        Assert.That(next, Is.Null);
        Assert.That(f.Game.GetAction(Viewer.Dm, action.Id).Status, Is.EqualTo(ActionStatus.Pending));
    }

    [Test]
    public async Task Round_SecondSubmission_AlreadySubmittedAndCollectedOnce()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.SimultaneousRoundAsync("Run!", 300);
        await f.Act("thorin");

        Assert.That(() => f.Act("thorin", "again"),
            Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Forbidden).And.Property(nameof(GameException.Code)).EqualTo("already_submitted"));
        foreach (var p in new[] { "elara", "vex", "gorm" })
        {
            await f.Act(p);
        }

        Assert.That((await PopAll(f)).Count(a => a.PlayerId == "thorin"), Is.EqualTo(1));
    }

    [Test]
    public async Task Round_UnlistedPlayer_NotYourTurn()
    {
        var f = new CombatFixture();
        await f.Game.SimultaneousRoundAsync("Elara and Vex: pick the lock together.", 60, ["elara", "vex"]);

        Assert.That(() => f.Act("gorm"), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("not_your_turn"));
    }

    [Test]
    public async Task Round_EachSubmission_ShrinksWaitingForForEveryViewer()
    {
        var f = new CombatFixture();
        await f.Game.SimultaneousRoundAsync("Roll for the rope bridge.", 60);

        await f.Act("vex");

        var pushed = f.Listener.Of<CombatNotice>()[^1].Combat;
        foreach (var viewer in new[] { Viewer.Dm, Viewer.Player("gorm"), Viewer.Observer })
        {
            var view = PartyMode.Engine.Combat.CombatView.For(pushed, viewer)!;
            Assert.That((view.Submitted!.JoinIds(), view.WaitingFor!.JoinIds()), Is.EqualTo(("vex", "thorin,elara,gorm")));
        }
    }

    [Test]
    public async Task Round_DeadlinePassesWithTwoOfFour_ReleasesTheTwoAndNamesTheOthers()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.SimultaneousRoundAsync("The floor tilts!", 300);
        await f.Act("gorm");
        await f.Act("elara");
        f.Time.Advance(TimeSpan.FromSeconds(299));
        Assert.That(f.Game.CombatView(Viewer.Dm)!.Mode, Is.EqualTo(CombatMode.Simultaneous));

        f.Time.Advance(TimeSpan.FromSeconds(1));

        var view = f.Game.CombatView(Viewer.Dm)!;
        Assert.That((view.Mode, view.CurrentTurn, view.WaitingFor), Is.EqualTo((CombatMode.TurnBased, "thorin", (List<string>?)null)));
        Assert.That((await PopAll(f)).Select(a => a.PlayerId).JoinIds(), Is.EqualTo("elara,gorm"));
        var line = f.Listener.Of<SystemNotice>()[^1];
        Assert.That(line.Text, Does.Contain("Thorin").And.Contain("Vex").And.Not.Contain("Gorm"));
        Assert.That(line.Audience, Is.EqualTo(Audience.Public));
        Assert.That(f.StoredCombat!.Simultaneous, Is.Null);
    }

    [Test]
    public async Task Round_OutOfCombat_DmGetsSubmissionOrderAndExplorationReturns()
    {
        var f = new CombatFixture();
        await f.Game.SimultaneousRoundAsync("Everyone: a perception check.", 120);

        foreach (var p in new[] { "vex", "gorm", "thorin", "elara" })
        {
            await f.Act(p);
        }

        Assert.That(f.Game.CombatView(Viewer.Dm), Is.Null);
        Assert.That((await PopAll(f)).Select(a => a.PlayerId).JoinIds(), Is.EqualTo("vex,gorm,thorin,elara"));
        Assert.That((await f.Act("gorm")).Action.Held, Is.False);
    }

    [Test]
    public async Task Round_AfterClosing_TurnGatingReturns()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.SimultaneousRoundAsync("Quick!", 10);
        f.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(() => f.Act("elara"), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("not_your_turn"));
        Assert.That((await f.Act("thorin")).Action.Held, Is.False);
    }

    [Test]
    public async Task Round_KickedPlayerWasTheLastAwaited_RoundCloses()
    {
        var f = new CombatFixture();
        await f.Game.SimultaneousRoundAsync("Who grabs the idol?", 120);
        foreach (var p in new[] { "thorin", "elara", "vex" })
        {
            await f.Act(p);
        }

        await f.Game.KickSeatAsync("gorm");

        Assert.That(f.Game.CombatView(Viewer.Dm), Is.Null);
        Assert.That((await PopAll(f)).Count, Is.EqualTo(3));
    }

    [Test]
    public async Task Round_WhileOneIsOpen_Conflict()
    {
        var f = new CombatFixture();
        await f.Game.SimultaneousRoundAsync("One", 60);

        Assert.That(() => f.Game.SimultaneousRoundAsync("Two", 60), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Conflict).And.Property(nameof(GameException.Code)).EqualTo("simultaneous_active"));
    }

    [TestCase("", 60)]
    [TestCase("Go", 0)]
    public void Round_BadPromptOrTimeout_BadRequest(string prompt, int timeout)
    {
        var f = new CombatFixture();

        Assert.That(() => f.Game.SimultaneousRoundAsync(prompt, timeout), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.BadRequest));
    }

    [Test]
    public async Task EndCombat_DuringARound_ReleasesTheSubmittedActions()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.SimultaneousRoundAsync("Brace!", 300);
        await f.Act("vex");

        await f.Game.EndCombatAsync();

        Assert.That((await PopAll(f)).Select(a => a.PlayerId).JoinIds(), Is.EqualTo("vex"));
        Assert.That(f.Game.CombatView(Viewer.Dm), Is.Null);
    }

    private static async Task<List<GameAction>> PopAll(CombatFixture f)
    {
        var popped = new List<GameAction>();
        while (await f.Game.NextActionAsync(TimeSpan.Zero, CancellationToken.None) is { } a)
        {
            popped.Add(a);
        }

        return popped;
    }
}
