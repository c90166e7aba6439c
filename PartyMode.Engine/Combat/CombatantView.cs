namespace PartyMode.Engine.Combat;

/// <summary>One initiative entry as a viewer may see it (docs/protocol.md §4.5.4); absent fields are omitted on the wire.</summary>
public sealed class CombatantView
{
    /// <summary>The combatant id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The display name.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>pc</c> or <c>npc</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The initiative roll.</summary>
    public int Initiative { get; set; }

    /// <summary>Exact hit points: a PC's for players and the DM, an NPC's for the DM only.</summary>
    public int? Hp { get; set; }

    /// <summary>Maximum hit points, with the same rule as <see cref="Hp"/>.</summary>
    public int? MaxHp { get; set; }

    /// <summary>Armour class, with the same rule as <see cref="Hp"/>.</summary>
    public int? Ac { get; set; }

    /// <summary><c>healthy</c>, <c>bloodied</c> (at or under half) or <c>down</c>; not shown to observers.</summary>
    public string? Status { get; set; }

    /// <summary>Conditions; not shown to observers.</summary>
    public List<string>? Conditions { get; set; }

    /// <summary>DM only: the combatant is hidden from everyone else.</summary>
    public bool? Hidden { get; set; }

    /// <summary>DM only: the dexterity score that broke initiative ties.</summary>
    public int? Dex { get; set; }
}
