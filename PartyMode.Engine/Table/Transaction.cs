using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Table;

/// <summary>
/// One write to the table, made under the game's lock: it creates events with their audience, records
/// copies of the documents to store and the notices for viewers, and yields the change set to commit.
/// Events join the log only when the transaction completes, so a refused write leaves no event behind.
/// </summary>
internal sealed class Transaction(EventLog log, DateTimeOffset now)
{
    private readonly ChangeSet _changes = new();
    private readonly List<Notice> _notices = [];

    /// <summary>The instant of this write.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>False while the transaction has nothing to store or tell: it is then not committed at all.</summary>
    public bool HasWork { get; private set; }

    public GameEvent NewEvent(string type, Audience audience)
    {
        var e = new GameEvent { Seq = log.NextSeq + _changes.Events.Count, Ts = Now, Type = type, Audience = audience };
        _changes.Events.Add(e);
        HasWork = true;
        return e;
    }

    public void StoreMeta(GameMeta meta)
    {
        _changes.Meta = meta;
        HasWork = true;
    }

    public void Store(GameAction action) => Put(_changes.Actions, action.Snapshot(), a => a.Id);

    /// <summary>Stores a copy of the sheet and returns another for a notice or an answer.</summary>
    public Character Store(Character character)
    {
        Put(_changes.Characters, EngineJson.Clone(character), c => c.Id);
        return EngineJson.Clone(character);
    }

    public void Store(Seat seat) => Put(_changes.Seats, EngineJson.Clone(seat), s => s.Id);

    public void Store(Npc npc) => Put(_changes.Npcs, EngineJson.Clone(npc), n => n.Id);

    public void Store(Location location) => Put(_changes.Locations, EngineJson.Clone(location), l => l.Id);

    public void Store(Rolls.RollRequest request) => Put(_changes.RollRequests, request.Snapshot(), r => r.Id);

    public void Store(Handouts.Handout handout) => Put(_changes.Handouts, handout.Snapshot(), h => h.Id);

    /// <summary>Stores the combat state and tells every viewer (the hub renders it per viewer).</summary>
    public void StoreCombat(CombatState? state)
    {
        // One copy serves the store and the hub: both only read it.
        var copy = state is null ? null : EngineJson.Clone(state);
        _changes.CombatChanged = true;
        _changes.Combat = copy;
        Notify(new CombatNotice(copy));
    }

    public void Notify(Notice notice)
    {
        _notices.Add(notice);
        HasWork = true;
    }

    /// <summary>Ends the transaction: its events join the log and the change set carries every notice, events first.</summary>
    public ChangeSet Complete()
    {
        log.Append(_changes.Events);
        foreach (var e in _changes.Events)
        {
            _changes.Notices.Add(new EventNotice(e));
        }

        _changes.Notices.AddRange(_notices);
        return _changes;
    }

    private void Put<T>(List<T> documents, T copy, Func<T, string> id)
    {
        // A document changed twice in one write is stored once, as it ends up.
        var key = id(copy);
        documents.RemoveAll(d => id(d) == key);
        documents.Add(copy);
        HasWork = true;
    }
}
