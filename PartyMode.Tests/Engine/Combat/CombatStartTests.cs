using PartyMode.Engine;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Visibility;
using static PartyMode.Tests.Engine.Combat.CombatFixture;

namespace PartyMode.Tests.Engine.Combat;

public sealed class CombatStartTests
{
    [Test]
    public async Task StartCombat_DifferentInitiatives_SortsHighestFirstAndStartsRoundOne()
    {
        var f = new CombatFixture();

        var view = await f.StartStandardFight();

        Assert.That(view!.Initiative.Select(c => c.Id).JoinIds(), Is.EqualTo("thorin,goblin,elara,vex,gorm"));
        Assert.That(view.Round, Is.EqualTo(1));
        Assert.That(view.CurrentTurn, Is.EqualTo("thorin"));
        Assert.That(view.Mode, Is.EqualTo(CombatMode.TurnBased));
        Assert.That(view.Active, Is.True);
    }

    [Test]
    public async Task StartCombat_TiedInitiative_HigherDexGoesFirst()
    {
        var f = new CombatFixture();

        // Vex has dex 17, Thorin 12; the ogre is given dex 14.
        var view = await f.Game.StartCombatAsync([Pc("thorin", 12), Npc("ogre", "Ogre", 12, hp: 59, dex: 14), Pc("vex", 12)]);

        Assert.That(view!.Initiative.Select(c => c.Id).JoinIds(), Is.EqualTo("vex,ogre,thorin"));
    }

    [Test]
    public async Task StartCombat_TiedInitiativeAndDex_KeepsTheGivenOrder()
    {
        var f = new CombatFixture();

        // NPCs without dex count as 10, like Gorm's sheet.
        var view = await f.Game.StartCombatAsync([Npc("rat-b", "Rat B", 8), Pc("gorm", 8), Npc("rat-a", "Rat A", 8)]);

        Assert.That(view!.Initiative.Select(c => c.Id).JoinIds(), Is.EqualTo("rat-b,gorm,rat-a"));
    }

    [Test]
    public async Task StartCombat_PcWithoutStats_TakesHpMaxHpAcAndDexFromTheSheet()
    {
        var f = new CombatFixture();
        var sheet = f.Game.GetCharacter(Viewer.Dm, "elara");

        var view = await f.Game.StartCombatAsync([Pc("elara", 9)]);

        var elara = view!.Initiative.Single();
        Assert.That((elara.Hp, elara.MaxHp, elara.Ac, elara.Dex, elara.Name), Is.EqualTo(((int?)sheet.Hp, (int?)sheet.MaxHp, (int?)sheet.Ac, (int?)sheet.Abilities.Dex, sheet.Name)));
    }

    [Test]
    public async Task StartCombat_PcHpGiven_WritesTheSheetAndTellsTheOwner()
    {
        var f = new CombatFixture();

        await f.Game.StartCombatAsync([new CombatantSpec { Id = "vex", Kind = "pc", Initiative = 3, Hp = 9 }]);

        Assert.That(f.Game.GetCharacter(Viewer.Dm, "vex").Hp, Is.EqualTo(9));
        Assert.That(f.Listener.Of<CharacterNotice>().Select(n => (n.Character.Id, n.Character.Hp)), Does.Contain(("vex", 9)));
    }

    [Test]
    public async Task StartCombat_WhileAFightIsOn_ConflictCombatActive()
    {
        var f = new CombatFixture();
        await f.StartStandardFight();

        Assert.That(() => f.StartStandardFight(), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Conflict).And.Property(nameof(GameException.Code)).EqualTo("combat_active"));
    }

    [Test]
    public void StartCombat_UnknownPcId_BadRequestNamingIt()
    {
        var f = new CombatFixture();

        Assert.That(() => f.Game.StartCombatAsync([Pc("zed", 10)]), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.BadRequest).And.Message.Contains("zed"));
        Assert.That(f.Game.CombatView(Viewer.Dm), Is.Null);
    }

    [TestCase("dup")]
    [TestCase("no-initiative")]
    [TestCase("bad-kind")]
    [TestCase("npc-without-name")]
    [TestCase("negative-hp")]
    [TestCase("empty")]
    public void StartCombat_BadList_BadRequestAndNoFight(string problem)
    {
        var f = new CombatFixture();
        CombatantSpec[] specs = problem switch
        {
            "dup" => [Pc("thorin", 10), Npc("thorin-x", "X", 3), Pc("thorin", 4)],
            "no-initiative" => [new CombatantSpec { Id = "orc", Kind = "npc", Name = "Orc" }],
            "bad-kind" => [new CombatantSpec { Id = "orc", Kind = "monster", Name = "Orc", Initiative = 3 }],
            "npc-without-name" => [new CombatantSpec { Id = "orc", Kind = "npc", Initiative = 3 }],
            "negative-hp" => [Npc("orc", "Orc", 3, hp: -1)],
            _ => [],
        };

        Assert.That(() => f.Game.StartCombatAsync(specs), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.BadRequest));
        Assert.That(f.Game.CombatView(Viewer.Dm), Is.Null);
    }

    [Test]
    public async Task StartCombat_Always_StoresTheStateAndPushesIt()
    {
        var f = new CombatFixture();

        await f.StartStandardFight();

        Assert.That(f.StoredCombat?.Combatants.Select(c => c.Id).JoinIds(), Is.EqualTo("thorin,goblin,elara,vex,gorm"));
        Assert.That(f.Listener.Of<CombatNotice>()[^1].Combat?.Round, Is.EqualTo(1));
    }
}
