namespace PartyMode.Engine.Combat;

/// <summary>
/// The stored state of a fight and/or an open simultaneous round: the DM's truth, filtered per
/// viewer by <see cref="CombatView.For"/>. Null in the game means exploration.
/// </summary>
public sealed class CombatState
{
    /// <summary>
    /// True while a turn-based fight is on (combatants, rounds). False when the state only carries a
    /// simultaneous round opened out of combat (a group check); closing that round ends the state.
    /// </summary>
    public bool Active { get; set; }

    /// <summary>The current mode; a simultaneous round switches to <see cref="CombatMode.Simultaneous"/> until it closes.</summary>
    public CombatMode Mode { get; set; } = CombatMode.TurnBased;

    /// <summary>The round, from 1 (0 out of combat).</summary>
    public int Round { get; set; } = 1;

    /// <summary>The combatants in initiative order.</summary>
    public List<Combatant> Combatants { get; set; } = [];

    /// <summary>The index in <see cref="Combatants"/> whose turn it is (kept while a simultaneous round runs).</summary>
    public int Current { get; set; }

    /// <summary>The open simultaneous round, if any. The mode to return to is turn-based when <see cref="Active"/>, exploration otherwise.</summary>
    public SimultaneousRound? Simultaneous { get; set; }

    /// <summary>The combatant whose turn it is in turn-based mode (null otherwise).</summary>
    /// <returns>The combatant.</returns>
    public Combatant? CurrentCombatant() =>
        Active && Mode == CombatMode.TurnBased && Current >= 0 && Current < Combatants.Count ? Combatants[Current] : null;
}
