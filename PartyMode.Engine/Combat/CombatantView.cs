namespace PartyMode.Engine.Combat;

/// <summary>One initiative entry as a viewer may see it; null fields are the ones this viewer may not see.</summary>
public sealed class CombatantView
{
    /// <summary>The combatant id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>PC or NPC.</summary>
    public CombatantKind Kind { get; set; }

    /// <summary>The initiative roll.</summary>
    public int Initiative { get; set; }

    /// <summary>Exact hit points: a PC's for players and the DM, an NPC's for the DM only.</summary>
    public int? Hp { get; set; }

    /// <summary>Maximum hit points, with the same rule as <see cref="Hp"/>.</summary>
    public int? MaxHp { get; set; }

    /// <summary>Armour class, with the same rule as <see cref="Hp"/>.</summary>
    public int? Ac { get; set; }

    /// <summary>Healthy, bloodied (at or under half) or down; not shown to observers.</summary>
    public CombatantStatus? Status { get; set; }

    /// <summary>Conditions; not shown to observers.</summary>
    public List<string>? Conditions { get; set; }

    /// <summary>DM only: the combatant is hidden from everyone else.</summary>
    public bool? Hidden { get; set; }

    /// <summary>DM only: the dexterity score that broke initiative ties.</summary>
    public int? Dex { get; set; }
}
