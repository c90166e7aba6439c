using PartyMode.Engine.Combat;
using PartyMode.Engine.Model;

namespace PartyMode.Engine;

/// <summary>The current state a socket's <c>welcome</c> carries, already filtered for its viewer.</summary>
/// <param name="Character">The viewer's own sheet (players only).</param>
/// <param name="Party">The roster as the viewer may see it.</param>
/// <param name="Combat">The combat view, or null out of combat.</param>
public sealed record WelcomeState(Character? Character, IReadOnlyList<PartyMember> Party, CombatView? Combat)
{
    /// <summary>Open roll requests: the player's own (without DCs on the wire), all for the DM, none for observers.</summary>
    public IReadOnlyList<Rolls.RollRequest> RollRequests { get; init; } = [];

    /// <summary>Pending sheet changes (docs/protocol.md §8.5): the player's own, all for the DM, none for observers.</summary>
    public IReadOnlyList<Sheets.SheetChange> SheetChanges { get; init; } = [];

    /// <summary>Who may change which sheet field (docs/protocol.md §8.2), so a phone words its buttons right; null for observers.</summary>
    public Sheets.SheetPolicy? SheetPolicy { get; init; }
    /// <summary>What the TV shows (docs/protocol.md §9.5): for observers and the DM; null for players.</summary>
    public Handouts.TvSlot? Tv { get; init; }
}
