using System.Globalization;
using PartyMode.Engine.Model;

namespace PartyMode.Engine.Rolls;

/// <summary>
/// Reads the sheet references of docs/protocol.md §7.1 (<c>check:dex</c>, <c>save:wis</c>, <c>skill:stealth</c>,
/// <c>initiative</c>, <c>attack:NAME</c>, <c>damage:NAME</c>) against the roller's own sheet.
/// </summary>
internal static class SheetReferences
{
    private static readonly (string Key, string Name)[] Abilities =
        [("str", "Strength"), ("dex", "Dexterity"), ("con", "Constitution"), ("int", "Intelligence"), ("wis", "Wisdom"), ("cha", "Charisma")];

    /// <summary>The 5e skills and their abilities: a skill the sheet does not list rolls with the plain ability modifier.</summary>
    private static readonly Dictionary<string, string> SkillAbility = new(StringComparer.Ordinal)
    {
        ["acrobatics"] = "dex", ["animal_handling"] = "wis", ["arcana"] = "int", ["athletics"] = "str",
        ["deception"] = "cha", ["history"] = "int", ["insight"] = "wis", ["intimidation"] = "cha",
        ["investigation"] = "int", ["medicine"] = "wis", ["nature"] = "int", ["perception"] = "wis",
        ["performance"] = "cha", ["persuasion"] = "cha", ["religion"] = "int", ["sleight_of_hand"] = "dex",
        ["stealth"] = "dex", ["survival"] = "wis",
    };

    /// <summary>True when <paramref name="expr"/> looks like a reference rather than dice.</summary>
    public static bool IsReference(string expr)
    {
        var t = expr.Trim().ToLowerInvariant();
        return t == "initiative" || t.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>Resolves a reference (a free expression is returned as is).</summary>
    /// <exception cref="GameException"><c>unknown_reference</c> naming the valid ones.</exception>
    public static ResolvedRoll Resolve(string expr, Character sheet)
    {
        if (!IsReference(expr))
        {
            return new ResolvedRoll(expr, null, false, null, false);
        }

        var text = expr.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var name = colon < 0 ? "" : text[(colon + 1)..].Trim();
        switch (kind)
        {
            case "initiative" when name.Length == 0:
                return D20(sheet.InitiativeBonus ?? Modifier(Score(sheet, "dex")), "Initiative");
            case "check":
            {
                var (key, label) = Ability(name, expr);
                return D20(Modifier(Score(sheet, key)), label + " check");
            }

            case "save":
            {
                var (key, label) = Ability(name, expr);
                var bonus = Lookup(sheet.SavingThrows, key) ?? Modifier(Score(sheet, key));
                return D20(bonus, label + " saving throw");
            }

            case "skill":
                return Skill(sheet, name, expr);
            case "attack":
            {
                var attack = Attack(sheet, name, expr);
                return D20(attack.ToHit, attack.Name + " attack");
            }

            case "damage":
            {
                var attack = Attack(sheet, name, expr);
                return new ResolvedRoll(attack.Damage, null, false, attack.Name + " damage", true);
            }

            default:
                throw Unknown($"'{expr}' is not a roll this game knows", sheet);
        }
    }

    /// <summary>Skill names are matched case-insensitively, with <c>-</c>, <c>_</c> and spaces alike.</summary>
    public static string Normalize(string name) =>
        string.Join('_', name.Trim().ToLowerInvariant().Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries));

    private static ResolvedRoll Skill(Character sheet, string name, string expr)
    {
        var wanted = Normalize(name);
        foreach (var (skill, bonus) in sheet.Skills)
        {
            if (Normalize(skill) == wanted)
            {
                return D20(bonus, Title(skill));
            }
        }

        if (SkillAbility.TryGetValue(wanted, out var ability))
        {
            return D20(Modifier(Score(sheet, ability)), Title(wanted));
        }

        throw Unknown($"there is no skill '{name}' on {sheet.Name}'s sheet", sheet);
    }

    private static Attack Attack(Character sheet, string name, string expr)
    {
        var wanted = Normalize(name);
        return sheet.Attacks.FirstOrDefault(a => Normalize(a.Name) == wanted)
            ?? throw Unknown(name.Length == 0 ? $"'{expr}' needs an attack name" : $"there is no attack '{name}' on {sheet.Name}'s sheet", sheet);
    }

    private static (string Key, string Label) Ability(string name, string expr)
    {
        var key = name.Trim().ToLowerInvariant();
        foreach (var (k, label) in Abilities)
        {
            if (k == key || label.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return (k, label);
            }
        }

        throw GameException.BadRequest("unknown_reference", $"Unknown roll '{expr}': the abilities are str, dex, con, int, wis and cha (e.g. save:dex).");
    }

    private static ResolvedRoll D20(int bonus, string label) => new(bonus switch
    {
        0 => "1d20",
        > 0 => "1d20+" + bonus.ToString(CultureInfo.InvariantCulture),
        _ => "1d20" + bonus.ToString(CultureInfo.InvariantCulture),
    }, bonus, true, label, true);

    private static int? Lookup(Dictionary<string, int> values, string key)
    {
        foreach (var (k, v) in values)
        {
            if (Normalize(k) == key)
            {
                return v;
            }
        }

        return null;
    }

    private static int Score(Character sheet, string key) => key switch
    {
        "str" => sheet.Abilities.Str,
        "dex" => sheet.Abilities.Dex,
        "con" => sheet.Abilities.Con,
        "int" => sheet.Abilities.Int,
        "wis" => sheet.Abilities.Wis,
        _ => sheet.Abilities.Cha,
    };

    /// <summary>The 5e ability modifier: (score − 10) / 2, rounded down.</summary>
    public static int Modifier(int score) => (int)Math.Floor((score - 10) / 2.0);

    private static string Title(string skill)
    {
        var words = Normalize(skill).Split('_');
        return string.Join(' ', words.Select((w, i) => i > 0 && w is "of" or "and" ? w : char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private static GameException Unknown(string problem, Character sheet)
    {
        var skills = sheet.Skills.Keys.Select(Normalize).Concat(SkillAbility.Keys).Distinct().Order(StringComparer.Ordinal);
        var attacks = sheet.Attacks.Select(a => a.Name).ToList();
        var attackText = attacks.Count == 0 ? "" : $"; attack:NAME and damage:NAME with {string.Join(", ", attacks)}";
        return GameException.BadRequest("unknown_reference",
            $"Unknown roll: {problem}. Use dice like 1d20+5, or check:ABILITY, save:ABILITY (str, dex, con, int, wis, cha), initiative, skill:NAME ({string.Join(", ", skills)}){attackText}.");
    }
}
