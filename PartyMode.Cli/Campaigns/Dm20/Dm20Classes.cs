using System.Globalization;
using System.Text.RegularExpressions;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>A dm20 character's classes: the current <c>classes</c> list or the legacy <c>character_class</c> object (dm20 migrates the one to the other).</summary>
internal static partial class Dm20Classes
{
    public static List<Dm20Class> Read(Dm20Fields f, List<string> problems)
    {
        var list = new List<Dm20Class>();
        var classes = f.Raw("classes");
        var legacy = f.Raw("character_class");
        if (classes is null && legacy is not null)
        {
            // dm20's own migration: a character_class object becomes the one entry of classes.
            list.AddRange(One(legacy, f.Path + ".character_class", problems));
            return list;
        }

        foreach (var (item, at) in f.Array("classes"))
        {
            list.AddRange(One(item, at, problems));
        }

        if (list.Count == 0)
        {
            problems.Add($"{f.Path}.classes: must list at least one class (or give the older character_class)");
        }

        return list;
    }

    public static string Describe(List<Dm20Class> classes) => classes.Count switch
    {
        0 => "",
        1 => classes[0].Name + (classes[0].Subclass is { Length: > 0 } sub ? $" ({sub})" : ""),
        _ => string.Join(" / ", classes.Select(c => $"{c.Name} {c.Level.ToString(CultureInfo.InvariantCulture)}")),
    };

    /// <summary>The die of <c>"1d6"</c> or <c>"d6"</c>.</summary>
    public static string? Die(string? hitDice) => hitDice is null ? null : DicePattern().Match(hitDice.Trim()) is { Success: true } m ? "d" + m.Groups[2].Value : null;

    /// <summary>The count of <c>"3d6"</c>.</summary>
    public static int? Count(string hitDice) => DicePattern().Match(hitDice.Trim()) is { Success: true } m
        ? (m.Groups[1].Value.Length == 0 ? 1 : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
        : null;

    private static IEnumerable<Dm20Class> One(System.Text.Json.Nodes.JsonNode? item, string at, List<string> problems)
    {
        var c = Dm20Fields.Of(item, at, problems);
        if (c is null)
        {
            yield break;
        }

        var name = c.Str("name", required: true) ?? "";
        var level = c.Int("level", 1, 1, 20);
        if (!c.Node.ContainsKey("level"))
        {
            problems.Add($"{at}.level: is required (1 to 20)");
        }

        yield return new Dm20Class(name, level, c.Str("hit_dice"), c.Str("subclass"));
    }

    [GeneratedRegex("^([0-9]{0,3})d([0-9]{1,3})$")]
    private static partial Regex DicePattern();
}
