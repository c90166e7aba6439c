using PartyMode.Engine;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Visibility;
using static PartyMode.Tests.Engine.Combat.CombatFixture;

namespace PartyMode.Tests.Engine.Combat;

public sealed class CombatTurnTests
{
    [Test]
    public async Task Submit_NoCombat_AnyPlayerMayAct()
    {
        var f = new CombatFixture();

        foreach (var p in Players)
        {
            var (action, created) = await f.Act(p);
            Assert.That((action.PlayerId, created, action.Held), Is.EqualTo((p, true, false)));
        }
    }

    [Test]
    public async Task Submit_PcTurn_OnlyThatPlayerMayActAndOthersHearWhose()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();

        var (action, _) = await f.Act("thorin");
        Assert.That(() => f.Act("elara"), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Forbidden).And.Property(nameof(GameException.Code)).EqualTo("not_your_turn").And.Message.Contains("Thorin"));
        Assert.That(action.PlayerId, Is.EqualTo("thorin"));
    }

    [Test]
    public async Task Submit_NpcTurn_GatesEveryPlayer()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.NextTurnAsync();

        foreach (var p in Players)
        {
            Assert.That(() => f.Act(p), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("not_your_turn").And.Message.Contains("Goblin"));
        }
    }

    [Test]
    public async Task Submit_HiddenNpcTurn_GatesEveryoneAndNamesNoOne()
    {
        var f = new CombatFixture();
        await f.StartStandardFight(goblinHidden: true);
        await f.Game.NextTurnAsync();

        Assert.That(() => f.Act("elara"), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("not_your_turn").And.Message.Not.Contain("Goblin").And.Message.Not.Contain("goblin"));
    }

    [Test]
    public async Task NextTurn_Always_MovesTheGateToTheNextCombatant()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.NextTurnAsync();

        var view = await f.Game.NextTurnAsync();

        Assert.That(view!.CurrentTurn, Is.EqualTo("elara"));
        Assert.That((await f.Act("elara")).Action.PlayerId, Is.EqualTo("elara"));
        Assert.That(() => f.Act("thorin"), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("not_your_turn"));
    }

    [Test]
    public async Task NextTurn_AfterTheLast_WrapsToTheFirstAndAddsARound()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        for (var i = 0; i < 4; i++)
        {
            await f.Game.NextTurnAsync();
        }

        Assert.That(f.Game.CombatView(Viewer.Dm)!.CurrentTurn, Is.EqualTo("gorm"));
        var view = await f.Game.NextTurnAsync();

        Assert.That((view!.CurrentTurn, view.Round), Is.EqualTo(("thorin", 2)));
    }

    [Test]
    public async Task NextTurn_NpcAtZeroHp_IsSkipped()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.UpdateCombatantAsync("goblin", 0, null, null);

        var view = await f.Game.NextTurnAsync();

        Assert.That(view!.CurrentTurn, Is.EqualTo("elara"));
    }

    [Test]
    public async Task NextTurn_PcAtZeroHp_KeepsItsTurn()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.UpdateCombatantAsync("elara", 0, ["unconscious"], null);
        await f.Game.NextTurnAsync();

        var view = await f.Game.NextTurnAsync();

        Assert.That(view!.CurrentTurn, Is.EqualTo("elara"));
        Assert.That(view.Initiative.Single(c => c.Id == "elara").Status, Is.EqualTo(CombatantStatus.Down));
    }

    [Test]
    public async Task NextTurn_LastNpcDown_WrapsPastItIntoTheNextRound()
    {
        var f = new CombatFixture();
        await f.Game.StartCombatAsync([Pc("vex", 10), Npc("wolf", "Wolf", 4, hp: 11)]);
        await f.Game.UpdateCombatantAsync("wolf", 0, null, null);

        var view = await f.Game.NextTurnAsync();

        Assert.That((view!.CurrentTurn, view.Round), Is.EqualTo(("vex", 2)));
    }

    [Test]
    public void NextTurn_NoFight_ConflictNoCombat()
    {
        var f = new CombatFixture();

        Assert.That(() => f.Game.NextTurnAsync(), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Conflict).And.Property(nameof(GameException.Code)).EqualTo("no_combat"));
    }

    [Test]
    public async Task EndCombat_DuringAnNpcTurn_EveryoneMayActAgain()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        await f.Game.NextTurnAsync();

        var view = await f.Game.EndCombatAsync();

        Assert.That(view, Is.Null);
        Assert.That(f.StoredCombat, Is.Null);
        Assert.That(f.Listener.Of<CombatNotice>()[^1].Combat, Is.Null);
        foreach (var p in Players)
        {
            Assert.That((await f.Act(p)).Created, Is.True);
        }
    }

    [Test]
    public async Task UpdateCombatant_PcHp_WritesTheSheetAndPushesCharacterPartyAndCombat()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();
        var before = f.Listener.Notices.Count;

        var view = await f.Game.UpdateCombatantAsync("thorin", 12, ["prone"], null);

        var pushed = f.Listener.Notices.Skip(before).ToList();
        Assert.That(view!.Initiative.Single(c => c.Id == "thorin").Hp, Is.EqualTo(12));
        var sheet = f.Game.GetCharacter(Viewer.Dm, "thorin");
        Assert.That((sheet.Hp, sheet.Conditions.Single()), Is.EqualTo((12, "prone")));
        Assert.That(pushed.OfType<CharacterNotice>().Single().Character.Hp, Is.EqualTo(12));
        Assert.That(pushed.OfType<PartyNotice>(), Is.Not.Empty);
        Assert.That(pushed.OfType<CombatNotice>().Single().Combat!.Combatants.Single(c => c.Id == "thorin").Hp, Is.EqualTo(12));
    }

    [Test]
    public async Task PatchCharacter_HpChanged_TheCombatantFollowsAndCombatIsPushed()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();

        await f.Game.PatchCharacterAsync("gorm", new System.Text.Json.Nodes.JsonObject { ["hp"] = 5 });

        Assert.That(f.Game.CombatView(Viewer.Player("elara"))!.Initiative.Single(c => c.Id == "gorm").Hp, Is.EqualTo(5));
        Assert.That(f.Listener.Of<CombatNotice>()[^1].Combat!.Combatants.Single(c => c.Id == "gorm").Hp, Is.EqualTo(5));
        Assert.That(f.StoredCombat!.Combatants.Single(c => c.Id == "gorm").Hp, Is.EqualTo(5));
    }

    [Test]
    public async Task UpdateCombatant_UnknownId_NotFound()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();

        Assert.That(() => f.Game.UpdateCombatantAsync("dragon", 1, null, null), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.NotFound));
    }
}
