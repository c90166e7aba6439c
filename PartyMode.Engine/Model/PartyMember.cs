namespace PartyMode.Engine.Model;

/// <summary>A roster line of <c>GET /api/party</c>: stats for players and the DM; observers get id, name and connected only.</summary>
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

    /// <summary>Whether the seat has a live connection.</summary>
    public bool Connected { get; set; }
}
