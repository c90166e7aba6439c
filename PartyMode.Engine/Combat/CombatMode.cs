namespace PartyMode.Engine.Combat;

/// <summary>How players take turns while a <see cref="CombatState"/> is on.</summary>
public enum CombatMode
{
    /// <summary>One combatant at a time, in initiative order.</summary>
    TurnBased,

    /// <summary>Every listed player submits one action; the DM gets them when the round closes.</summary>
    Simultaneous,
}
