namespace PartyMode.Engine.Combat;

/// <summary>What the party sees of a combatant's health.</summary>
public enum CombatantStatus
{
    /// <summary>Over half its maximum, or not known.</summary>
    Healthy,

    /// <summary>At or under half its maximum.</summary>
    Bloodied,

    /// <summary>At 0 HP or less.</summary>
    Down,
}
