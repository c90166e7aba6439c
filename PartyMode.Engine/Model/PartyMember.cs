namespace PartyMode.Engine.Model;

/// <summary>A roster line: stats for players and the DM; observers get id and name only. Presence is the host's to add.</summary>
public sealed class PartyMember
{
    /// <summary>The character id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The character's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Class (hidden from observers).</summary>
    public string? Class { get; set; }

    /// <summary>Level (hidden from observers).</summary>
    public int? Level { get; set; }

    /// <summary>Hit points (hidden from observers).</summary>
    public int? Hp { get; set; }

    /// <summary>Maximum hit points (hidden from observers).</summary>
    public int? MaxHp { get; set; }

    /// <summary>Armour class (hidden from observers).</summary>
    public int? Ac { get; set; }

    /// <summary>Conditions (hidden from observers).</summary>
    public List<string>? Conditions { get; set; }
}
