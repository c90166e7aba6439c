using PartyMode.Engine.Dice;
using PartyMode.Engine.Model;

namespace PartyMode.Engine.Rolls;

/// <summary>An expression read against a sheet, with its mode applied: what will be rolled.</summary>
/// <param name="Reference">The reference as read (or the free dice).</param>
/// <param name="Dice">The dice to roll, advantage included.</param>
/// <param name="Mode"><c>normal</c>, <c>advantage</c> or <c>disadvantage</c>.</param>
internal sealed record RollDice(ResolvedRoll Reference, DiceExpression Dice, string Mode)
{
    /// <summary>Resolves <paramref name="expr"/> from <paramref name="sheet"/> and applies <paramref name="mode"/>.</summary>
    /// <exception cref="GameException"><c>unknown_reference</c>, <c>bad_dice</c> or <c>bad_request</c> naming the problem.</exception>
    public static RollDice Prepare(string? expr, string? mode, Character sheet)
    {
        if (string.IsNullOrWhiteSpace(expr))
        {
            throw GameException.BadRequest("bad_dice", "Bad dice expression: 'expr' is empty (try 1d20+5, skill:stealth or save:dex).");
        }

        var word = RollWords.Mode(mode);
        var reference = SheetReferences.Resolve(expr, sheet);
        DiceExpression dice;
        try
        {
            dice = DiceRoller.Parse(reference.Dice);
        }
        catch (GameException e) when (reference.IsReference)
        {
            throw GameException.BadRequest("bad_dice", $"The sheet's dice for '{expr}' are not valid: {e.Message}");
        }

        if (word != "normal")
        {
            dice = dice.WithAdvantage(word == "advantage");
        }

        return new RollDice(reference, dice, word);
    }
}
