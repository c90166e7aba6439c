using System.Globalization;
using System.Text.RegularExpressions;

namespace PartyMode.Engine.Dice;

/// <summary>
/// Rolls dice expressions: sums and differences of <c>NdM</c> terms and constants, with
/// <c>khK</c>/<c>klK</c> (keep highest/lowest K) and <c>adv</c>/<c>dis</c> (advantage, disadvantage).
/// </summary>
public static partial class DiceRoller
{
    private const int MaxDice = 100;
    private const int MaxSides = 1000;

    /// <summary>Rolls an expression such as <c>2d6+3</c>, <c>4d6kh3</c> or <c>1d20adv</c>.</summary>
    /// <param name="expression">The expression.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The result.</returns>
    /// <exception cref="GameException"><c>bad_dice</c> naming the problem.</exception>
    public static DiceResult Roll(string expression, Random random) => Parse(expression).Roll(random);

    /// <summary>Reads an expression without rolling it.</summary>
    /// <exception cref="GameException"><c>bad_dice</c> naming the problem.</exception>
    internal static DiceExpression Parse(string expression)
    {
        var text = expression.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (text.Length == 0)
        {
            throw Bad("the dice expression is empty (try 1d20 or 2d6+3)");
        }

        if (text.Length > 100)
        {
            throw Bad("the dice expression is longer than 100 characters");
        }

        var terms = new List<DiceTerm>();
        var position = 0;
        var first = true;
        while (position < text.Length)
        {
            var sign = 1;
            if (text[position] is '+' or '-')
            {
                sign = text[position] == '-' ? -1 : 1;
                position++;
            }
            else if (!first)
            {
                throw Bad($"expected + or - at position {position + 1} of '{expression}'");
            }

            var match = Term().Match(text, position);
            if (!match.Success || match.Index != position)
            {
                throw Bad($"cannot read '{text[position..]}' in '{expression}' (terms look like 2d6, 4d6kh3, 1d20adv or 3)");
            }

            terms.Add(ReadTerm(match, sign));
            position += match.Length;
            first = false;
        }

        return new DiceExpression(text, terms);
    }

    private static DiceTerm ReadTerm(Match match, int sign)
    {
        if (match.Groups["const"].Success)
        {
            return new DiceTerm(sign, 0, 0, 0, true, ParseBounded(match.Groups["const"].Value, 1_000_000, "constant"), match.Value);
        }

        var count = match.Groups["count"].Success ? ParseBounded(match.Groups["count"].Value, MaxDice, "number of dice") : 1;
        var sides = ParseBounded(match.Groups["sides"].Value, MaxSides, "number of sides");
        if (count < 1 || sides < 2)
        {
            throw Bad($"'{match.Value}' needs at least one die of at least two sides");
        }

        var keep = count;
        var highest = true;
        var mode = match.Groups["mode"].Value;
        if (mode is "adv" or "dis")
        {
            if (count != 1)
            {
                throw Bad($"advantage and disadvantage apply to a single die ('1d20adv'), not '{match.Value}'");
            }

            count = 2;
            keep = 1;
            highest = mode == "adv";
        }
        else if (mode.Length > 0)
        {
            keep = ParseBounded(match.Groups["keep"].Value, MaxDice, "dice to keep");
            highest = mode == "kh";
            if (keep < 1 || keep > count)
            {
                throw Bad($"'{match.Value}' keeps {keep} of {count} dice; keep between 1 and {count}");
            }
        }

        return new DiceTerm(sign, count, sides, keep, highest, 0, match.Value);
    }

    private static int ParseBounded(string digits, int max, string what)
    {
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        {
            throw Bad($"the {what} '{digits}' is larger than {max}");
        }

        return value;
    }

    internal static GameException Bad(string problem) => GameException.BadRequest("bad_dice", "Bad dice expression: " + problem + ".");

    [GeneratedRegex(@"(?:(?<count>\d+)?d(?<sides>\d+)(?:(?<mode>kh|kl)(?<keep>\d+)|(?<mode>adv|dis))?)|(?<const>\d+)(?![d\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Term();
}
