using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;

namespace PartyMode.Engine.Storage;

/// <summary>
/// Everything one game operation changed, and what viewers must be told of it: the store commits it
/// atomically, in the order the engine handed change sets over; the host then advances the
/// <see cref="CommitWatermark"/> to <see cref="LastSeq"/> and publishes <see cref="Notices"/>.
/// </summary>
public sealed class ChangeSet
{
    /// <summary>Campaign id and name, set when a game is first imported.</summary>
    public GameMeta? Meta { get; set; }

    /// <summary>New events, in seq order.</summary>
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

    /// <summary>Roll requests to insert or replace (copies).</summary>
    public List<Rolls.RollRequest> RollRequests { get; } = [];

    /// <summary>Handout records to insert or replace (copies).</summary>
    public List<Handouts.Handout> Handouts { get; } = [];

    /// <summary>True when the combat state changed; <see cref="Combat"/> is then the new state (null: none).</summary>
    public bool CombatChanged { get; set; }

    /// <summary>The new combat state when <see cref="CombatChanged"/>.</summary>
    public CombatState? Combat { get; set; }

    /// <summary>What viewers must be told once this change is durable, in order (snapshots, safe to read on any thread).</summary>
    public List<Notice> Notices { get; } = [];

    /// <summary>The seq of the newest event in this change (0 when it has none).</summary>
    public long LastSeq => Events.Count == 0 ? 0 : Events[^1].Seq;
}
