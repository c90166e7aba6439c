using PartyMode.Engine.Events;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Sessions;

/// <summary>
/// The game's sessions (docs/protocol.md §10.1): session 1 starts with the game; each later one begins
/// with a public <c>session</c> event whose text is <c>"Session N"</c>, written when <c>serve</c> starts
/// on a game that has been played since the last one began, or when the DM takes a break by hand.
/// </summary>
public sealed class GameSessions
{
    /// <summary>The stored event type that begins a session.</summary>
    public const string EventType = "session";

    private readonly TableWriter _writer;
    private readonly EventLog _log;

    internal GameSessions(TableWriter writer, EventLog log)
    {
        _writer = writer;
        _log = log;
    }

    /// <summary>The number of the session in progress (1 until a second one begins).</summary>
    public int Current => _writer.Read(() => Count() + 1);

    /// <summary>Begins a new session when <c>serve</c> starts, unless nothing has happened since the last one began (or since the import).</summary>
    /// <returns>The <c>session</c> event, or null when none was needed.</returns>
    public Task<GameEvent?> BeginOnStartAsync() => _writer.WriteAsync(tx =>
    {
        // The campaign's opening events (all written by the import, at one instant) are not play.
        var newest = _log.Last;
        var (first, _) = _log.After(Viewer.Dm, 0, 1, null);
        return newest is null || newest.Type == EventType || (first.Count == 1 && newest.Ts == first[0].Ts) ? null : Begin(tx);
    });

    /// <summary>Begins a new session now (the DM's break).</summary>
    /// <returns>The <c>session</c> event.</returns>
    public Task<GameEvent> BreakAsync() => _writer.WriteAsync(tx => (GameEvent)Begin(tx)!);

    private GameEvent? Begin(Transaction tx)
    {
        var e = tx.NewEvent(EventType, Audience.Public);
        e.Text = $"Session {Count() + 2}";
        return e;
    }

    private int Count() => _log.CountOfType(EventType);
}
