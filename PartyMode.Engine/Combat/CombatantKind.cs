namespace PartyMode.Engine.Combat;

/// <summary>Whether a combatant is a player character or one the DM plays.</summary>
public enum CombatantKind
{
    /// <summary>A player character: its id is the player's seat id, its stats are its sheet's.</summary>
    Pc,

    /// <summary>A non-player combatant, played by the DM.</summary>
    Npc,
}
