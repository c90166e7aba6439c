using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;

namespace PartyMode.Engine.Storage;

/// <summary>
/// Everything one game operation changed: the store commits it atomically, in the order the
/// engine handed change sets over, then runs <see cref="Committed"/> (the push to viewers).
/// </summary>
public sealed class ChangeSet
{
    /// <summary>Campaign id and name, set when a game is first imported.</summary>
    public GameMeta? Meta { get; set; }

    /// <summary>New events.</summary>
    public List<GameEvent> Events { get; } = [];

    /// <summary>Actions to insert or replace (copies).</summary>
    public List<GameAction> Actions { get; } = [];

    /// <summary>Characters to insert or replace (copies).</summary>
    public List<Character> Characters { get; } = [];

    /// <summary>Seats to insert or replace (copies).</summary>
    public List<Seat> Seats { get; } = [];

    /// <summary>NPCs to insert or replace (copies).</summary>
    public List<Npc> Npcs { get; } = [];

    /// <summary>Locations to insert or replace (copies).</summary>
    public List<Location> Locations { get; } = [];

    /// <summary>True when the combat state changed; <see cref="Combat"/> is then the new state (null: none).</summary>
    public bool CombatChanged { get; set; }

    /// <summary>The new combat state when <see cref="CombatChanged"/>.</summary>
    public CombatState? Combat { get; set; }

    /// <summary>Run by the store's writer, in commit order, right after this change is durable.</summary>
    public Action? Committed { get; set; }

    /// <summary>True when nothing is to be written.</summary>
    public bool IsEmpty => Meta is null && Events.Count == 0 && Actions.Count == 0 && Characters.Count == 0
        && Seats.Count == 0 && Npcs.Count == 0 && Locations.Count == 0 && !CombatChanged;
}
