namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>The D&amp;D 5e tables the mapping needs: abilities by dm20's names and the ability of each skill.</summary>
internal static class Dm20Rules
{
    /// <summary>dm20's ability keys (and the short forms) to PartyMode's.</summary>
    public static readonly IReadOnlyDictionary<string, string> Abilities = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["strength"] = "str", ["dexterity"] = "dex", ["constitution"] = "con",
        ["intelligence"] = "int", ["wisdom"] = "wis", ["charisma"] = "cha",
        ["str"] = "str", ["dex"] = "dex", ["con"] = "con", ["int"] = "int", ["wis"] = "wis", ["cha"] = "cha",
    };

    /// <summary>Each skill's ability, keyed by the sheet's skill name (<c>sleight_of_hand</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Skills = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["acrobatics"] = "dex", ["animal_handling"] = "wis", ["arcana"] = "int", ["athletics"] = "str",
        ["deception"] = "cha", ["history"] = "int", ["insight"] = "wis", ["intimidation"] = "cha",
        ["investigation"] = "int", ["medicine"] = "wis", ["nature"] = "int", ["perception"] = "wis",
        ["performance"] = "cha", ["persuasion"] = "cha", ["religion"] = "int", ["sleight_of_hand"] = "dex",
        ["stealth"] = "dex", ["survival"] = "wis",
    };

    /// <summary>A skill's name as the sheet writes it: <c>Sleight of Hand</c> → <c>sleight_of_hand</c>.</summary>
    public static string SkillKey(string name) =>
        string.Join('_', name.Trim().ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));

    public static int Modifier(int score) => (int)Math.Floor((score - 10) / 2.0);

    /// <summary>dm20 recomputes the proficiency bonus from the total level on every load.</summary>
    public static int ProficiencyBonus(int totalLevel) => 2 + ((Math.Max(1, totalLevel) - 1) / 4);
}
