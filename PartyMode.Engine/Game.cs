using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

/// <summary>
/// One game at the table: seats, characters, the action queue, the event log and combat.
/// All state lives in memory behind one lock; every change is handed to the store inside that lock
/// (so commits keep their order) and acknowledged only once the store has made it durable.
/// </summary>
public sealed partial class Game : IDisposable
{
    private readonly object _gate = new();
    private readonly IGameStore _store;
    private readonly TimeProvider _time;
    private readonly GameOptions _options;
    private readonly TokenIssuer _tokens;
    private readonly Dictionary<string, Seat> _seats = new(StringComparer.Ordinal);
    private readonly List<Seat> _seatOrder = [];
    private readonly Dictionary<string, string> _currentTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Character> _characters = new(StringComparer.Ordinal);
    private readonly List<string> _characterOrder = [];
    private readonly Dictionary<string, Npc> _npcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Location> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GameAction> _actions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, GameAction> _pending = [];
    private readonly Dictionary<(string Seat, string ClientId), string> _clientIds = [];
    private readonly List<GameEvent> _events = [];
    private readonly Dictionary<string, Queue<DateTimeOffset>> _rate = new(StringComparer.Ordinal);
    private TaskCompletionSource _pendingSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextSeq = 1;
    private long _nextActionNumber = 1;
    private long _committedSeq;
    private CombatState? _combat;
    private Exception? _storeFault;

    private Game(IGameStore store, TimeProvider time, GameOptions options, byte[] tokenKey, GameMeta meta)
    {
        _store = store;
        _time = time;
        _options = options;
        _tokens = new TokenIssuer(tokenKey);
        Meta = meta;
    }

    /// <summary>The game's identity.</summary>
    public GameMeta Meta { get; }

    /// <summary>Told of every committed change (the socket hub). Set once before serving.</summary>
    public IGameListener? Listener { get; set; }

    /// <summary>Whether a seat has a live connection (the socket hub answers); used for rosters.</summary>
    public Func<string, bool> IsConnected { get; set; } = static _ => false;

    /// <summary>The newest committed seq.</summary>
    public long CommittedSeq => Interlocked.Read(ref _committedSeq);

    /// <summary>
    /// Opens the game of a store, importing <paramref name="campaign"/> when the store is empty.
    /// </summary>
    /// <param name="store">The durable store.</param>
    /// <param name="campaign">The campaign to import into an empty store.</param>
    /// <param name="tokenKey">The secret tokens derive from.</param>
    /// <param name="options">Limits.</param>
    /// <param name="time">The clock.</param>
    /// <param name="campaignGiven">True when the user named the campaign: a stored game of another one is then refused.</param>
    /// <returns>The opened game and whether it was imported just now.</returns>
    /// <exception cref="CampaignMismatchException">The store holds a game of another campaign.</exception>
    public static (Game Game, bool Imported) Open(IGameStore store, Campaign campaign, byte[] tokenKey, GameOptions options, TimeProvider time, bool campaignGiven = true)
    {
        var stored = store.Load();
        if (stored is not null)
        {
            if (campaignGiven && !string.Equals(stored.Meta.CampaignId, campaign.Id, StringComparison.Ordinal))
            {
                throw new CampaignMismatchException(stored.Meta.CampaignId, campaign.Id);
            }

            var game = new Game(store, time, options, tokenKey, stored.Meta);
            game.Restore(stored);
            return (game, false);
        }

        var meta = new GameMeta { CampaignId = campaign.Id, CampaignName = campaign.Name, CreatedAt = time.GetUtcNow() };
        var created = new Game(store, time, options, tokenKey, meta);
        created.Import(campaign).GetAwaiter().GetResult();
        return (created, true);
    }

    /// <summary>Stops the game's timers (a simultaneous round's deadline); the host calls it before closing the store.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _roundTimer?.Dispose();
            _roundTimer = null;
        }
    }

    /// <summary>The current token of a seat.</summary>
    /// <param name="seatId">The seat id.</param>
    /// <returns>The token.</returns>
    public string TokenFor(string seatId)
    {
        lock (_gate)
        {
            return _currentTokens.TryGetValue(seatId, out var token) ? token : throw GameException.NotFound("seat", seatId);
        }
    }

    /// <summary>Checks a presented token in constant time against every seat's current token.</summary>
    /// <param name="token">What the client sent.</param>
    /// <returns>The result; never throws.</returns>
    public AuthResult Authenticate(string? token)
    {
        if (!TokenIssuer.IsWellFormed(token))
        {
            return AuthResult.Invalid;
        }

        lock (_gate)
        {
            Seat? match = null;
            foreach (var seat in _seatOrder)
            {
                // Compare with every seat so timing does not depend on which one matched.
                if (TokenIssuer.Matches(token!, _currentTokens[seat.Id]))
                {
                    match = seat;
                }
            }

            if (match is null)
            {
                return AuthResult.Invalid;
            }

            return match.Kicked ? new AuthResult(AuthStatus.Kicked, match.Viewer, match.Name) : new AuthResult(AuthStatus.Ok, match.Viewer, match.Name);
        }
    }

    /// <summary>Every seat, players first (campaign order), then observer and DM.</summary>
    /// <returns>Copies of the seats.</returns>
    public IReadOnlyList<Seat> Seats()
    {
        lock (_gate)
        {
            return _seatOrder.Select(EngineJson.Clone).ToList();
        }
    }

    private void Restore(StoredGame stored)
    {
        foreach (var seat in OrderSeats(stored.Seats, InCampaignOrder(stored.Characters, c => c.Id, stored.Meta.CharacterOrder).ToList()))
        {
            AddSeat(seat);
        }

        foreach (var c in InCampaignOrder(stored.Characters, c => c.Id, stored.Meta.CharacterOrder))
        {
            _characters[c.Id] = c;
            _characterOrder.Add(c.Id);
        }

        foreach (var n in InCampaignOrder(stored.Npcs, n => n.Id, stored.Meta.NpcOrder))
        {
            _npcs[n.Id] = n;
        }

        foreach (var l in InCampaignOrder(stored.Locations, l => l.Id, stored.Meta.LocationOrder))
        {
            _locations[l.Id] = l;
        }

        foreach (var a in stored.Actions.OrderBy(a => a.Number))
        {
            _actions[a.Id] = a;
            if (a.ClientId is not null)
            {
                _clientIds[(a.PlayerId, a.ClientId)] = a.Id;
            }

            if (a.Status == ActionStatus.Pending && !a.Held)
            {
                _pending[a.QueueKey] = a;
            }

            _nextActionNumber = Math.Max(_nextActionNumber, a.Number + 1);
        }

        _events.AddRange(stored.Events.OrderBy(e => e.Seq));
        _nextSeq = _events.Count == 0 ? 1 : _events[^1].Seq + 1;
        _committedSeq = _nextSeq - 1;
        _combat = stored.Combat;
        RestoreCombat();
    }

    private static IEnumerable<T> InCampaignOrder<T>(List<T> items, Func<T, string> id, List<string> order)
    {
        var index = order.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        return items.OrderBy(item => index.TryGetValue(id(item), out var i) ? i : int.MaxValue);
    }

    private static IEnumerable<Seat> OrderSeats(List<Seat> seats, List<Character> characters)
    {
        var order = characters.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return seats.OrderBy(s => s.Role switch { Role.Player => 0, Role.Observer => 1, _ => 2 })
            .ThenBy(s => order.TryGetValue(s.Id, out var i) ? i : int.MaxValue);
    }

    private Task Import(Campaign campaign)
    {
        Meta.CharacterOrder = campaign.Characters.Select(c => c.Id).ToList();
        Meta.NpcOrder = campaign.Npcs.Select(n => n.Id).ToList();
        Meta.LocationOrder = campaign.Locations.Select(l => l.Id).ToList();
        var changes = new ChangeSet { Meta = Meta };
        lock (_gate)
        {
            foreach (var c in campaign.Characters)
            {
                var copy = EngineJson.Clone(c);
                _characters[copy.Id] = copy;
                _characterOrder.Add(copy.Id);
                changes.Characters.Add(EngineJson.Clone(copy));
                var seat = new Seat { Id = copy.Id, Role = Role.Player, Name = copy.Name };
                AddSeat(seat);
                changes.Seats.Add(EngineJson.Clone(seat));
            }

            foreach (var seat in new[]
            {
                new Seat { Id = SeatIds.Observer, Role = Role.Observer, Name = "Observer" },
                new Seat { Id = SeatIds.Dm, Role = Role.Dm, Name = "Game Master" },
            })
            {
                AddSeat(seat);
                changes.Seats.Add(EngineJson.Clone(seat));
            }

            foreach (var n in campaign.Npcs)
            {
                _npcs[n.Id] = EngineJson.Clone(n);
                changes.Npcs.Add(EngineJson.Clone(n));
            }

            foreach (var l in campaign.Locations)
            {
                _locations[l.Id] = EngineJson.Clone(l);
                changes.Locations.Add(EngineJson.Clone(l));
            }

            foreach (var o in campaign.Opening)
            {
                var e = NewEvent(o.Type, Audience.Parse(o.Audience));
                e.Text = o.Text;
                e.Expr = o.Expr;
                e.Total = o.Total;
                e.Rolls = o.Rolls?.ToList();
                e.Label = o.Label;
                e.For = o.For;
                e.Visibility = o.Type == "roll" ? Narration.VisibilityOf(e.Audience) : null;
                if (o.Type == "private")
                {
                    e.To = [.. e.Audience.PlayerIds];
                    e.From = "dm";
                }

                changes.Events.Add(e);
            }

            return CommitLocked(changes, []);
        }
    }

    private void AddSeat(Seat seat)
    {
        _seats[seat.Id] = seat;
        _seatOrder.Add(seat);
        _currentTokens[seat.Id] = _tokens.Issue(seat.Id, seat.Generation);
    }

    /// <summary>Appends a new event to the log (under the lock); the caller adds it to a change set.</summary>
    private GameEvent NewEvent(string type, Audience audience)
    {
        var e = new GameEvent { Seq = _nextSeq++, Ts = _time.GetUtcNow(), Type = type, Audience = audience };
        _events.Add(e);
        return e;
    }

    /// <summary>Hands a change set to the store. Must be called with the lock held.</summary>
    private Task CommitLocked(ChangeSet changes, List<Notice> notices)
    {
        if (_storeFault is not null)
        {
            throw new GameException(ErrorKind.Unavailable, "storage_failed", "The data file could not be written; restart the daemon (nothing acknowledged was lost).");
        }

        var all = new List<Notice>(changes.Events.Count + notices.Count);
        foreach (var e in changes.Events)
        {
            all.Add(new EventNotice(e));
        }

        all.AddRange(notices);
        var maxSeq = changes.Events.Count > 0 ? changes.Events.Max(e => e.Seq) : 0;
        changes.Committed = () =>
        {
            if (maxSeq > 0)
            {
                Interlocked.Exchange(ref _committedSeq, Math.Max(Interlocked.Read(ref _committedSeq), maxSeq));
            }

            if (all.Count > 0)
            {
                Listener?.Publish(all);
            }
        };
        var task = _store.Commit(changes);
        task.ContinueWith(t => _storeFault ??= t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task;
    }

    private Seat SeatOf(string seatId) =>
        _seats.TryGetValue(seatId, out var seat) ? seat : throw GameException.NotFound("seat", seatId);

    private Character CharacterOf(string id) =>
        _characters.TryGetValue(id, out var c) ? c : throw GameException.NotFound("character", id);

    partial void RestoreCombat();
}
