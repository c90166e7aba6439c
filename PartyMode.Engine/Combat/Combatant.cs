using System.Text.Json.Serialization;

namespace PartyMode.Engine.Combat;

/// <summary>One entry of the initiative order (stored form, DM truth).</summary>
public sealed class Combatant
{
    /// <summary>The id: a character id for a PC, any id the DM chose for an NPC.</summary>
    public string Id { get; set; } = "";

    /// <summary>The display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>PC or NPC.</summary>
    public CombatantKind Kind { get; set; }

    /// <summary>The initiative roll.</summary>
    public int Initiative { get; set; }

    /// <summary>Current hit points (null: the DM did not say; counts as healthy).</summary>
    public int? Hp { get; set; }

    /// <summary>Maximum hit points (null: unknown).</summary>
    public int? MaxHp { get; set; }

    /// <summary>Armour class (null: unknown).</summary>
    public int? Ac { get; set; }

    /// <summary>Dexterity score: breaks initiative ties (higher first).</summary>
    public int Dex { get; set; } = 10;

    /// <summary>Hidden combatants are shown to the DM only.</summary>
    public bool Hidden { get; set; }

    /// <summary>Conditions such as <c>prone</c>.</summary>
    public List<string> Conditions { get; set; } = [];

    /// <summary>The position in the list the DM gave: the last tie-breaker.</summary>
    public int Order { get; set; }

    /// <summary>True for an NPC known to be at 0 HP or below (skipped by next-turn).</summary>
    [JsonIgnore]
    public bool IsDownNpc => Kind == CombatantKind.Npc && Hp is <= 0;
}
