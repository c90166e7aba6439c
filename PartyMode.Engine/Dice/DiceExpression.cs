namespace PartyMode.Engine.Dice;

/// <summary>A parsed dice expression: its normalized text and its terms.</summary>
internal sealed class DiceExpression(string text, IReadOnlyList<DiceTerm> terms)
{
    /// <summary>Lower case, no spaces.</summary>
    public string Text { get; } = text;

    public IReadOnlyList<DiceTerm> Terms { get; } = terms;

    public int Min => Terms.Sum(t => t.Min);

    public int Max => Terms.Sum(t => t.Max);

    /// <summary>One d20 (advantage and disadvantage included) plus constants: a roll advantage applies to.</summary>
    public bool IsSingleD20 => Terms.Count(t => t.IsDice) == 1 && Terms.Single(t => t.IsDice) is { Sides: 20, Keep: 1, Sign: 1 };

    /// <summary>The sum of the constant terms.</summary>
    public int ConstantSum => Terms.Where(t => !t.IsDice).Sum(t => t.Sign * t.Constant);

    /// <summary>The same dice with the d20 rolled twice, keeping the higher (advantage) or the lower (disadvantage).</summary>
    /// <exception cref="GameException"><c>bad_dice</c> when this is not a single d20 roll.</exception>
    public DiceExpression WithAdvantage(bool advantage)
    {
        if (!IsSingleD20)
        {
            throw DiceRoller.Bad($"advantage and disadvantage apply to d20 rolls only, not '{Text}'");
        }

        var terms = Terms.Select(t => t.IsDice ? new DiceTerm(1, 2, 20, 1, advantage, 0, advantage ? "1d20adv" : "1d20dis") : t).ToList();
        var text = string.Concat(terms.Select((t, i) => (t.Sign < 0 ? "-" : i == 0 ? "" : "+") + t.Text));
        return new DiceExpression(text, terms);
    }

    public DiceResult Roll(Random random)
    {
        var rolls = new List<int>();
        var total = 0;
        foreach (var term in Terms)
        {
            if (!term.IsDice)
            {
                total += term.Sign * term.Constant;
                continue;
            }

            var dice = new int[term.Count];
            for (var i = 0; i < term.Count; i++)
            {
                dice[i] = random.Next(1, term.Sides + 1);
                rolls.Add(dice[i]);
            }

            var ordered = term.Highest ? dice.OrderByDescending(d => d) : dice.OrderBy(d => d);
            total += term.Sign * ordered.Take(term.Keep).Sum();
        }

        return new DiceResult(Text, total, rolls);
    }
}
