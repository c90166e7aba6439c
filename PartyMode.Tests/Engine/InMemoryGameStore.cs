using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Storage;

namespace PartyMode.Tests.Engine;

/// <summary>An <see cref="IGameStore"/> test double: commits synchronously, in call order, and runs <see cref="ChangeSet.Committed"/>.</summary>
internal sealed class InMemoryGameStore : IGameStore
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Seat> _seats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Character> _characters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Npc> _npcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Location> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GameAction> _actions = new(StringComparer.Ordinal);
    private readonly List<GameEvent> _events = [];
    private GameMeta? _meta;
    private CombatState? _combat;

    /// <summary>How many change sets were committed.</summary>
    public int Commits { get; private set; }

    /// <summary>The stored combat state (a copy).</summary>
    public CombatState? Combat
    {
        get
        {
            lock (_lock)
            {
                return _combat is null ? null : EngineJson.Clone(_combat);
            }
        }
    }

    /// <summary>A new store holding a copy of this one's data: what a restarted process would read.</summary>
    /// <returns>The copy.</returns>
    public InMemoryGameStore Reopen()
    {
        var copy = new InMemoryGameStore();
        var stored = Load();
        if (stored is null)
        {
            return copy;
        }

        var changes = new ChangeSet { Meta = stored.Meta, CombatChanged = true, Combat = stored.Combat };
        changes.Seats.AddRange(stored.Seats);
        changes.Characters.AddRange(stored.Characters);
        changes.Npcs.AddRange(stored.Npcs);
        changes.Locations.AddRange(stored.Locations);
        changes.Actions.AddRange(stored.Actions);
        changes.Events.AddRange(stored.Events);
        copy.Commit(changes);
        return copy;
    }

    public StoredGame? Load()
    {
        lock (_lock)
        {
            if (_meta is null)
            {
                return null;
            }

            return new StoredGame
            {
                Meta = EngineJson.Clone(_meta),
                Seats = _seats.Values.Select(EngineJson.Clone).ToList(),
                Characters = _characters.Values.Select(EngineJson.Clone).ToList(),
                Npcs = _npcs.Values.Select(EngineJson.Clone).ToList(),
                Locations = _locations.Values.Select(EngineJson.Clone).ToList(),
                Actions = _actions.Values.Select(EngineJson.Clone).ToList(),
                Events = _events.Select(EngineJson.Clone).ToList(),
                Combat = _combat is null ? null : EngineJson.Clone(_combat),
            };
        }
    }

    public Task Commit(ChangeSet changes)
    {
        lock (_lock)
        {
            if (changes.Meta is not null)
            {
                _meta = EngineJson.Clone(changes.Meta);
            }

            Upsert(_seats, changes.Seats, s => s.Id);
            Upsert(_characters, changes.Characters, c => c.Id);
            Upsert(_npcs, changes.Npcs, n => n.Id);
            Upsert(_locations, changes.Locations, l => l.Id);
            Upsert(_actions, changes.Actions, a => a.Id);
            _events.AddRange(changes.Events.Select(EngineJson.Clone));
            if (changes.CombatChanged)
            {
                _combat = changes.Combat is null ? null : EngineJson.Clone(changes.Combat);
            }

            Commits++;
        }

        changes.Committed?.Invoke();
        return Task.CompletedTask;
    }

    public void Wipe()
    {
        lock (_lock)
        {
            _meta = null;
            _combat = null;
            _seats.Clear();
            _characters.Clear();
            _npcs.Clear();
            _locations.Clear();
            _actions.Clear();
            _events.Clear();
        }
    }

    private static void Upsert<T>(Dictionary<string, T> target, List<T> items, Func<T, string> key)
    {
        foreach (var item in items)
        {
            target[key(item)] = EngineJson.Clone(item);
        }
    }
}
