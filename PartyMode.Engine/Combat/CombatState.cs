namespace PartyMode.Engine.Combat;

/// <summary>The stored state of a fight (filled in by the combat feature).</summary>
public sealed class CombatState
{
    /// <summary>The round, from 1.</summary>
    public int Round { get; set; } = 1;
}
