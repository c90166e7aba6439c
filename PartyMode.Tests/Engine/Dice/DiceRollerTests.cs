using PartyMode.Engine;
using PartyMode.Engine.Dice;

namespace PartyMode.Tests.Engine.Dice;

public sealed class DiceRollerTests
{
    [TestCase("1d20", 1, 20, 1)]
    [TestCase("2d6+3", 5, 15, 2)]
    [TestCase("4d6kh3", 3, 18, 4)]
    [TestCase("1d20adv", 1, 20, 2)]
    [TestCase("1d20dis-1", 0, 19, 2)]
    [TestCase("d8 + 2", 3, 10, 1)]
    [TestCase("5", 5, 5, 0)]
    public void Roll_ValidExpression_TotalInRangeWithEveryDieRecorded(string expr, int min, int max, int dice)
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var result = DiceRoller.Roll(expr, random);
            Assert.That(result.Total, Is.InRange(min, max));
            Assert.That(result.Rolls, Has.Count.EqualTo(dice));
        }
    }

    [Test]
    public void Roll_KeepHighest_SumsTheHighestDice()
    {
        var result = DiceRoller.Roll("4d6kh3", new Random(11));
        Assert.That(result.Total, Is.EqualTo(result.Rolls.OrderDescending().Take(3).Sum()));
    }

    [TestCase("", "empty")]
    [TestCase("2d", "cannot read")]
    [TestCase("1000d6", "larger than 100")]
    [TestCase("2d20adv", "single die")]
    [TestCase("3d6kh4", "keeps 4 of 3")]
    [TestCase("1d20 1d4", "expected + or -")]
    [TestCase("1d1", "at least two sides")]
    public void Roll_BadExpression_ThrowsBadDiceNamingTheProblem(string expr, string problem)
    {
        Assert.That(() => DiceRoller.Roll(expr, new Random(1)), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("bad_dice").And.Message.Contains(problem));
    }
}
