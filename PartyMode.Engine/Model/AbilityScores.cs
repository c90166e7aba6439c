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
}
