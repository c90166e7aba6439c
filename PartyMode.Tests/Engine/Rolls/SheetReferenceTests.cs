using PartyMode.Engine;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Rolls;

/// <summary>Sheet references resolved from the roller's own sheet (docs/protocol.md §7.1), on the demo campaign.</summary>
public sealed class SheetReferenceTests
{
    [TestCase("vex", "skill:stealth", "1d20+7", 7, "Stealth", TestName = "skill from the sheet")]
    [TestCase("vex", "skill:Sleight-of-Hand", "1d20+5", 5, "Sleight of Hand", TestName = "skill name with dashes and capitals")]
    [TestCase("vex", "skill:sleight of hand", "1d20+5", 5, "Sleight of Hand", TestName = "skill name with spaces")]
    [TestCase("thorin", "skill:stealth", "1d20+1", 1, "Stealth", TestName = "skill not on the sheet: its ability modifier")]
    [TestCase("vex", "save:dex", "1d20+5", 5, "Dexterity saving throw", TestName = "save from the sheet")]
    [TestCase("gorm", "save:WIS", "1d20+5", 5, "Wisdom saving throw", TestName = "save in capitals")]
    [TestCase("thorin", "save:dex", "1d20+1", 1, "Dexterity saving throw", TestName = "save not on the sheet: the ability modifier")]
    [TestCase("elara", "check:int", "1d20+3", 3, "Intelligence check", TestName = "check")]
    [TestCase("thorin", "check:int", "1d20-1", -1, "Intelligence check", TestName = "check with a negative modifier")]
    [TestCase("thorin", "check:wis", "1d20", 0, "Wisdom check", TestName = "check with no modifier")]
    [TestCase("vex", "initiative", "1d20+3", 3, "Initiative", TestName = "initiative bonus")]
    [TestCase("vex", "attack:shortsword", "1d20+5", 5, "Shortsword attack", TestName = "attack to hit")]
    [TestCase("vex", "damage:Shortsword", "1d6+3", null, "Shortsword damage", TestName = "damage dice")]
    public async Task Roll_SheetReference_ResolvesFromTheRollersSheet(string player, string expr, string resolved, int? modifier, string label)
    {
        var game = GameFactory.Demo();
        var e = (await game.Rolls.RollAsync(Viewer.Player(player), new RollInput(expr))).Event;
        Assert.Multiple(() =>
        {
            Assert.That(e.Expr, Is.EqualTo(expr));
            Assert.That(e.Resolved, Is.EqualTo(resolved));
            Assert.That(e.Modifier, Is.EqualTo(modifier));
            Assert.That(e.Label, Is.EqualTo(label));
            Assert.That(e.By, Is.EqualTo(player));
            Assert.That(e.Visibility, Is.EqualTo("public"));
        });
        if (modifier is { } m)
        {
            Assert.That(e.Total, Is.EqualTo(e.Rolls!.Single() + m));
        }
    }

    [Test]
    public async Task Roll_InitiativeWithoutBonus_UsesTheDexModifier()
    {
        var game = GameFactory.Demo();
        var sheet = game.GetCharacter(Viewer.Dm, "thorin");
        Assert.That(sheet.InitiativeBonus, Is.EqualTo(1));
        await game.PatchCharacterAsync("thorin", new System.Text.Json.Nodes.JsonObject { ["initiative_bonus"] = null });
        var e = (await game.Rolls.RollAsync(Viewer.Player("thorin"), new RollInput("initiative"))).Event;
        Assert.That(e.Resolved, Is.EqualTo("1d20+1"));
    }

    [TestCase("skill:flying", "skill:NAME")]
    [TestCase("save:luck", "str, dex, con, int, wis and cha")]
    [TestCase("attack:Longbow", "Shortsword, Shortbow")]
    [TestCase("spell:fireball", "check:ABILITY")]
    public void Roll_UnknownReference_IsRefusedNamingTheValidOnes(string expr, string named)
    {
        var game = GameFactory.Demo();
        Assert.That(async () => await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput(expr)),
            Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("unknown_reference").And.Message.Contains(named));
    }

    [Test]
    public async Task Roll_AdvantageOnAReference_RollsTwoD20sAndKeepsTheHigher()
    {
        var game = GameFactory.Demo();
        var e = (await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput("skill:stealth", Mode: "advantage"))).Event;
        Assert.Multiple(() =>
        {
            Assert.That(e.Resolved, Is.EqualTo("1d20adv+7"));
            Assert.That(e.Mode, Is.EqualTo("advantage"));
            Assert.That(e.Rolls, Has.Count.EqualTo(2));
            Assert.That(e.Total, Is.EqualTo(e.Rolls!.Max() + 7));
        });
        var low = (await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput("1d20+2", Mode: "disadvantage"))).Event;
        Assert.That(low.Total, Is.EqualTo(low.Rolls!.Min() + 2));
    }

    [Test]
    public void Roll_AdvantageOnNonD20Dice_IsBadDice()
    {
        var game = GameFactory.Demo();
        Assert.That(async () => await game.Rolls.RollAsync(Viewer.Player("vex"), new RollInput("damage:shortsword", Mode: "advantage")),
            Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("bad_dice").And.Message.Contains("d20 rolls only"));
    }
}
