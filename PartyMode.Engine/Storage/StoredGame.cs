using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;

namespace PartyMode.Engine.Storage;

/// <summary>Everything a store holds, as loaded at start-up.</summary>
public sealed class StoredGame
{
    /// <summary>The game's identity.</summary>
    public required GameMeta Meta { get; init; }

    /// <summary>All seats.</summary>
    public List<Seat> Seats { get; init; } = [];

    /// <summary>All characters.</summary>
    public List<Character> Characters { get; init; } = [];

    /// <summary>All NPCs.</summary>
    public List<Npc> Npcs { get; init; } = [];

    /// <summary>All locations.</summary>
    public List<Location> Locations { get; init; } = [];

    /// <summary>All actions.</summary>
    public List<GameAction> Actions { get; init; } = [];

    /// <summary>All events, in seq order.</summary>
    public List<GameEvent> Events { get; init; } = [];

    /// <summary>All roll requests.</summary>
    public List<Rolls.RollRequest> RollRequests { get; init; } = [];

    /// <summary>All handout records.</summary>
    public List<Handouts.Handout> Handouts { get; init; } = [];

    /// <summary>The combat state, if a fight is on.</summary>
    public CombatState? Combat { get; init; }
}
