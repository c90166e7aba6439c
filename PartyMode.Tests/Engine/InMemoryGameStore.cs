using PartyMode.Engine;
using PartyMode.Engine.Storage;

namespace PartyMode.Tests.Engine;

/// <summary>
/// A store double for engine tests: it keeps the committed state as JSON (as the real store does),
/// commits synchronously in call order and then does what the host's commit pipeline does (advance
/// <see cref="Watermark"/>, record the notices), so a new Game over the same instance is a restart.
/// </summary>
internal sealed class InMemoryGameStore : IGameStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, string>> _collections = [];
    private string? _meta;
    private string? _combat;

    public int Commits { get; private set; }

    /// <summary>The committed watermark a game over this store reads up to.</summary>
    public CommitWatermark Watermark { get; } = new();

    /// <summary>Every notice committed so far, as the hub would have received them.</summary>
    public NoticeRecorder Published { get; } = new();

    public StoredGame? Load()
    {
        lock (_gate)
        {
            if (_meta is null)
            {
                return null;
            }

            return new StoredGame
            {
                Meta = Read<GameMeta>(_meta),
                Seats = All<PartyMode.Engine.Seats.Seat>("seats"),
                Characters = All<PartyMode.Engine.Model.Character>("characters"),
                Npcs = All<PartyMode.Engine.Model.Npc>("npcs"),
                Locations = All<PartyMode.Engine.Model.Location>("locations"),
                Actions = All<PartyMode.Engine.Actions.GameAction>("actions"),
                Events = All<PartyMode.Engine.Events.GameEvent>("events").OrderBy(e => e.Seq).ToList(),
                Combat = _combat is null ? null : Read<PartyMode.Engine.Combat.CombatState>(_combat),
                RollRequests = All<PartyMode.Engine.Rolls.RollRequest>("roll_requests"),
                Handouts = All<PartyMode.Engine.Handouts.Handout>("handouts"),
            };
        }
    }

    public Task Commit(ChangeSet changes)
    {
        lock (_gate)
        {
            if (changes.Meta is not null)
            {
                _meta = Write(changes.Meta);
            }

            Put("seats", changes.Seats, s => s.Id);
            Put("characters", changes.Characters, c => c.Id);
            Put("npcs", changes.Npcs, n => n.Id);
            Put("locations", changes.Locations, l => l.Id);
            Put("actions", changes.Actions, a => a.Id);
            Put("roll_requests", changes.RollRequests, r => r.Id);
            Put("handouts", changes.Handouts, h => h.Id);
            Put("events", changes.Events, e => e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (changes.CombatChanged)
            {
                _combat = changes.Combat is null ? null : Write(changes.Combat);
            }

            Commits++;
            Watermark.Advance(changes.LastSeq);
            Published.Publish(changes.Notices);
        }

        return Task.CompletedTask;
    }

    public void Wipe()
    {
        lock (_gate)
        {
            _collections.Clear();
            _meta = null;
            _combat = null;
        }
    }

    private void Put<T>(string name, List<T> items, Func<T, string> id)
    {
        if (!_collections.TryGetValue(name, out var col))
        {
            col = [];
            _collections[name] = col;
        }

        foreach (var item in items)
        {
            col[id(item)] = Write(item);
        }
    }

    private List<T> All<T>(string name) =>
        _collections.TryGetValue(name, out var col) ? col.Values.Select(Read<T>).ToList() : [];

    private static string Write<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, EngineJson.Options);

    private static T Read<T>(string json) => System.Text.Json.JsonSerializer.Deserialize<T>(json, EngineJson.Options)!;
}
