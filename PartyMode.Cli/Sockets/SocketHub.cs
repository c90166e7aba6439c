using System.Collections.Concurrent;
using PartyMode.Cli.Protocol;
using PartyMode.Engine;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Sockets;

/// <summary>
/// Fans committed notices out to connected sockets. Every frame passes the one visibility rule, and
/// each distinct view is serialized once per notice, never once per socket. Everything it sends comes
/// from the notices and its own connections: it never calls the game.
/// </summary>
internal sealed class SocketHub : IDisposable
{
    private readonly ConcurrentDictionary<long, SocketConnection> _connections = new();
    private readonly ConcurrentDictionary<string, int> _seatCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Func<string, bool> _isConnected;
    private readonly Serilog.ILogger _log;
    private readonly ITimer _pinger;
    private long _ticks;

    public SocketHub(TimeProvider time, Serilog.ILogger log)
    {
        _time = time;
        _isConnected = IsConnected;
        _log = log;
        _pinger = time.CreateTimer(_ => PingSlice(), null, PingTick, PingTick);
    }

    public static TimeSpan PingInterval { get; } = TimeSpan.FromSeconds(25);

    /// <summary>Pings go out a slice of the sockets per tick, so a large audience is not pinged all at once.</summary>
    public static TimeSpan PingTick { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan SilenceLimit { get; } = TimeSpan.FromSeconds(60);

    public int ConnectionCount => _connections.Count;

    /// <summary>Frames waiting in all connections' queues.</summary>
    public int QueuedFrames => _connections.Values.Sum(c => c.PendingCount);

    public int Connections(string seatId) => _seatCounts.TryGetValue(seatId, out var n) ? n : 0;

    public DateTimeOffset? LastSeen(string seatId) => _lastSeen.TryGetValue(seatId, out var t) ? t : null;

    public bool IsConnected(string seatId) => Connections(seatId) > 0;

    /// <summary>Adds a connection; false when the player seat already has <paramref name="cap"/> sockets.</summary>
    public bool TryAdd(SocketConnection connection, int cap)
    {
        var seat = connection.Viewer.SeatId;
        var limited = connection.Viewer.Role == Role.Player;
        var count = _seatCounts.AddOrUpdate(seat, 1, (_, n) => n + 1);
        if (limited && count > cap)
        {
            _seatCounts.AddOrUpdate(seat, 0, (_, n) => n - 1);
            return false;
        }

        _connections[connection.Id] = connection;
        _lastSeen[seat] = _time.GetUtcNow();
        if (limited && count == 1)
        {
            Presence(seat, connected: true);
        }

        return true;
    }

    public void Remove(SocketConnection connection)
    {
        if (!_connections.TryRemove(connection.Id, out _))
        {
            return;
        }

        var seat = connection.Viewer.SeatId;
        var count = _seatCounts.AddOrUpdate(seat, 0, (_, n) => n - 1);
        _lastSeen[seat] = _time.GetUtcNow();
        if (connection.Viewer.Role == Role.Player && count == 0)
        {
            Presence(seat, connected: false);
        }
    }

    /// <summary>Closes every socket (server stopping: 1001).</summary>
    public void CloseAll(int code, string reason)
    {
        foreach (var c in _connections.Values)
        {
            c.RequestClose(code, reason);
        }
    }

    /// <summary>Sends a committed change's notices (on the store's writer thread, in commit order).</summary>
    public void Publish(IReadOnlyList<Notice> notices)
    {
        var batch = new SendBatch();
        foreach (var notice in notices)
        {
            switch (notice)
            {
                case EventNotice { Event: var e }:
                    Broadcast(e.Audience, new OutFrame(e.Seq, EventJson.Bytes(e)), batch);
                    break;
                case ActionStatusNotice n:
                    Broadcast(n.Audience, new OutFrame(0, Frames.ActionStatus(n.Action)), batch);
                    break;
                case CharacterNotice n:
                    Broadcast(n.Audience, new OutFrame(0, Frames.Of("character_update", "character", n.Character)), batch);
                    break;
                case PartyNotice n:
                    PublishParty(n, batch);
                    break;
                case CombatNotice n:
                    PublishCombat(n, batch);
                    break;
                case SystemNotice n:
                    Broadcast(n.Audience, new OutFrame(0, Frames.System(n.Text)), batch);
                    break;
                case SeatRevokedNotice n:
                    CloseSeat(n.SeatId, n.Kicked ? 4403 : 4401, n.Kicked ? "kicked" : "token refreshed");
                    break;
                case RollRequestNotice n:
                    PublishRollRequest(n.Request, batch);
                    break;
                case Engine.Handouts.TvNotice n:
                    Broadcast(n.Audience, new OutFrame(0, HandoutJson.TvFrame(n.Handout)), batch);
                    break;
                case RollStatusNotice n:
                    ToPlayerSeat(n.SeatId, new OutFrame(0, Frames.RollStatus(n.ClientId, n.RequestId, n.Blind, n.Seq)), batch);
                    break;
            }
        }

        batch.Send();
    }

    public void Dispose() => _pinger.Dispose();

    private void Broadcast(Audience audience, OutFrame frame, SendBatch batch)
    {
        foreach (var c in _connections.Values)
        {
            if (VisibilityRules.CanSee(c.Viewer, audience))
            {
                batch.Add(c, frame);
            }
        }
    }

    /// <summary>The asked player and the DM, through the one rule; only the DM's copy carries the DC and success.</summary>
    private void PublishRollRequest(RollRequest request, SendBatch batch)
    {
        var audience = Audience.Players(request.Player);
        byte[]? dm = null;
        byte[]? player = null;
        foreach (var c in _connections.Values)
        {
            if (VisibilityRules.CanSee(c.Viewer, audience))
            {
                var bytes = c.Viewer.Role == Role.Dm
                    ? dm ??= Frames.RollRequest(request, forDm: true)
                    : player ??= Frames.RollRequest(request, forDm: false);
                batch.Add(c, new OutFrame(0, bytes));
            }
        }
    }

    /// <summary>The player seat's own sockets only (not the DM's).</summary>
    private void ToPlayerSeat(string seat, OutFrame frame, SendBatch batch)
    {
        foreach (var c in _connections.Values)
        {
            if (c.Viewer.Role == Role.Player && c.Viewer.SeatId == seat)
            {
                batch.Add(c, frame);
            }
        }
    }

    private void PublishParty(PartyNotice notice, SendBatch batch)
    {
        // The roster as committed with this change; presence is merged from this hub's own connections.
        byte[]? full = null;
        byte[]? limited = null;
        foreach (var c in _connections.Values)
        {
            var observer = c.Viewer.Role == Role.Observer;
            var bytes = observer
                ? limited ??= Frames.Party(notice.Limited, _isConnected)
                : full ??= Frames.Party(notice.Full, _isConnected);
            batch.Add(c, new OutFrame(0, bytes));
        }
    }

    private void PublishCombat(CombatNotice notice, SendBatch batch)
    {
        // One rendering per seat (your_turn differs), shared by all of that seat's sockets; from the
        // committed snapshot, so every change is seen (not only the newest) and nothing uncommitted leaks.
        var perSeat = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var c in _connections.Values)
        {
            if (!perSeat.TryGetValue(c.Viewer.SeatId, out var bytes))
            {
                bytes = Frames.Combat(CombatView.For(notice.Combat, c.Viewer));
                perSeat[c.Viewer.SeatId] = bytes;
            }

            batch.Add(c, new OutFrame(0, bytes));
        }
    }

    private void Presence(string seat, bool connected)
    {
        var frame = new OutFrame(0, Frames.Presence(seat, connected));
        var batch = new SendBatch();
        foreach (var c in _connections.Values)
        {
            // Observers are never announced, and presence is for the table (players and DM).
            if (c.Viewer.Role != Role.Observer)
            {
                batch.Add(c, frame);
            }
        }

        batch.Send();
    }

    private void CloseSeat(string seat, int code, string reason)
    {
        var closed = 0;
        foreach (var c in _connections.Values)
        {
            if (c.Viewer.SeatId == seat)
            {
                c.RequestClose(code, reason);
                closed++;
            }
        }

        if (closed > 0)
        {
            _log.Information("Closed {Count} socket(s) of seat {Seat} ({Reason})", closed, seat, reason);
        }
    }

    /// <summary>Counts sockets a seat has open (for kick's closed_connections).</summary>
    public int OpenSockets(string seat) => _connections.Values.Count(c => c.Viewer.SeatId == seat);

    private void PingSlice()
    {
        var now = _time.GetUtcNow();
        var slices = (long)(PingInterval / PingTick);
        var slice = Interlocked.Increment(ref _ticks) % slices;
        var ping = new OutFrame(0, Frames.Ping(now));
        var batch = new SendBatch();
        foreach (var c in _connections.Values)
        {
            if (c.ClosingSince is { } since && DateTimeOffset.UtcNow - since > TimeSpan.FromSeconds(10))
            {
                // Its writer is stuck sending to a client that stopped reading.
                c.Socket.Abort();
                continue;
            }

            if (now - c.LastHeard > SilenceLimit)
            {
                c.RequestClose(4408, "no pong for 60 s", discardQueued: true);
                continue;
            }

            if (c.Id % slices == slice)
            {
                batch.Add(c, ping);
            }
        }

        batch.Send();
    }
}
