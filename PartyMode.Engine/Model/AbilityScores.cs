namespace PartyMode.Engine.Model;

/// <summary>The six ability scores.</summary>
public sealed class AbilityScores
{
    /// <summary>Strength.</summary>
    public int Str { get; set; } = 10;

    /// <summary>Dexterity.</summary>
    public int Dex { get; set; } = 10;

    /// <summary>Constitution.</summary>
    public int Con { get; set; } = 10;

    /// <summary>Intelligence.</summary>
    public int Int { get; set; } = 10;

    /// <summary>Wisdom.</summary>
    public int Wis { get; set; } = 10;

    /// <summary>Charisma.</summary>
    public int Cha { get; set; } = 10;

    /// <summary>The D&amp;D modifier of a score.</summary>
    /// <param name="score">The ability score.</param>
    /// <returns>floor((score - 10) / 2).</returns>
    public static int Modifier(int score) => (int)Math.Floor((score - 10) / 2.0);
}
