namespace PartyMode.Engine.Combat;

/// <summary>The per-viewer <c>combat_state</c> payload (PROTOCOL §4), filled in by the combat feature.</summary>
public sealed class CombatView
{
    /// <summary>Whether a fight or a simultaneous round is on.</summary>
    public bool Active { get; set; }
}
