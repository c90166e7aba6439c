namespace PartyMode.Engine.Model;

/// <summary>A spell on a character's sheet (docs/protocol.md §8.1).</summary>
public sealed class Spell
{
    /// <summary>The spell's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its level, 0 for a cantrip.</summary>
    public int Level { get; set; }

    /// <summary>Whether it is prepared (null: the sheet does not say).</summary>
    public bool? Prepared { get; set; }

    /// <summary>A short description.</summary>
    public string? Text { get; set; }
}
