namespace PartyMode.Engine.Combat;

/// <summary>One combatant as the DM gives it to start a fight (docs/protocol.md §3.7.17 <c>combat/start</c>).</summary>
public sealed class CombatantSpec
{
    /// <summary>A character id for a PC; any id for an NPC.</summary>
    public string? Id { get; set; }

    /// <summary>The display name (a PC defaults to its sheet's).</summary>
    public string? Name { get; set; }

    /// <summary>The initiative roll (required).</summary>
    public int? Initiative { get; set; }

    /// <summary><c>pc</c> or <c>npc</c>; when missing, a character id means <c>pc</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Hit points (a PC defaults to its sheet and the sheet follows).</summary>
    public int? Hp { get; set; }

    /// <summary>Maximum hit points (a PC defaults to its sheet).</summary>
    public int? MaxHp { get; set; }

    /// <summary>Armour class (a PC defaults to its sheet).</summary>
    public int? Ac { get; set; }

    /// <summary>Dexterity score for ties (a PC defaults to its sheet, an NPC to 10).</summary>
    public int? Dex { get; set; }

    /// <summary>Shown to the DM only.</summary>
    public bool? Hidden { get; set; }
}
