using System.Text.Json.Nodes;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Handouts;
using PartyMode.Engine.Model;
using PartyMode.Engine.Narration;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Sheets;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

/// <summary>
/// One game at the table, as a thin façade over its features (seats, action queue, narration and dice,
/// turn order, simultaneous rounds, campaign book, event log) that share one table state. It owns the one
/// lock: every read and write runs under it, and every write is one transaction handed to the store
/// inside the lock (so commits keep their order) and acknowledged only once the store has made it durable.
/// </summary>
public sealed class Game : IDisposable
{
    private readonly TableWriter _writer;
    private readonly TimeProvider _time;
    private readonly TableState _table;
    private readonly EventLog _log;
    private readonly RoundTimer _roundTimer;
    private readonly SimultaneousRounds _rounds;
    private readonly Narrator _narrator;
    private readonly TurnOrder _turns;
    private readonly ActionQueue _queue;
    private readonly CampaignBook _book;
    private readonly SeatRegistry _seats;
    private readonly RollRequestBook _rollRequests;
    private readonly MessageEdits _edits;
    private readonly HandoutBook _handouts;

    private Game(IGameStore store, CommitWatermark watermark, byte[] tokenKey, GameOptions options, TimeProvider time, GameMeta meta)
    {
        _time = time;
        _table = new TableState(meta);
        _log = new EventLog(watermark);
        _writer = new TableWriter(store, _log, time);
        _roundTimer = new RoundTimer(time, OnRoundDeadline);
        _rounds = new SimultaneousRounds(_table, options, _roundTimer);
        var roster = new Roster(_table);
        _narrator = new Narrator(_table, options);
        _edits = new MessageEdits(_log, options);
        _turns = new TurnOrder(_table, roster, _rounds);
        _queue = new ActionQueue(_table, options, _narrator, _turns, _rounds);
        _book = new CampaignBook(_table, roster, _narrator, _turns);
        _rollRequests = new RollRequestBook(_table);
        _seats = new SeatRegistry(_table, new TokenIssuer(tokenKey), _queue, _rounds, _rollRequests);
        Rolls = new GameRolls(_writer, _log, time, new PlayerRolls(_table, options, _rollRequests), _rollRequests);
        Sessions = new Sessions.GameSessions(_writer, _log);
        var sheetWrites = new SheetWrites(_table, roster, _turns);
        var sheetChanges = new SheetChangeBook(_table, sheetWrites);
        Sheets = new GameSheets(_writer, _table, sheetChanges, new SheetRests(_table, sheetWrites), new CombatantHealth(_table, sheetChanges));
        _handouts = new HandoutBook(_table, _log, options);
        Handouts = new GameHandouts(_writer, _handouts);
    }

    /// <summary>The living character sheet: players' changes, approvals, rests, combatants' damage (docs/protocol.md §8).</summary>
    public GameSheets Sheets { get; }

    /// <summary>Players' rolls and the DM's roll requests (docs/protocol.md §7).</summary>
    public GameRolls Rolls { get; }

    /// <summary>Handouts: images shown to chosen screens, and the TV slot (docs/protocol.md §9).</summary>
    public GameHandouts Handouts { get; }

    /// <summary>The game's identity.</summary>
    public GameMeta Meta => _table.Meta;

    /// <summary>The game's sessions (docs/protocol.md §10.1).</summary>
    public Sessions.GameSessions Sessions { get; }

    /// <summary>The newest committed seq.</summary>
    public long CommittedSeq => _log.CommittedSeq;

    /// <summary>Opens the game a store holds.</summary>
    /// <param name="store">The durable store.</param>
    /// <param name="watermark">The committed watermark the host's commit pipeline advances; it starts at the newest stored event.</param>
    /// <param name="tokenKey">The secret tokens derive from.</param>
    /// <param name="options">Limits.</param>
    /// <param name="time">The clock.</param>
    /// <param name="campaignId">When given, a stored game of another campaign is refused.</param>
    /// <returns>The game, or null when the store is empty.</returns>
    /// <exception cref="CampaignMismatchException">The store holds a game of another campaign.</exception>
    public static Game? Load(IGameStore store, CommitWatermark watermark, byte[] tokenKey, GameOptions options, TimeProvider time, string? campaignId = null)
    {
        var stored = store.Load();
        if (stored is null)
        {
            return null;
        }

        if (campaignId is not null && !string.Equals(stored.Meta.CampaignId, campaignId, StringComparison.Ordinal))
        {
            throw new CampaignMismatchException(stored.Meta.CampaignId, campaignId);
        }

        var game = new Game(store, watermark, tokenKey, options, time, stored.Meta);
        game._writer.Run(() =>
        {
            TableLoader.Restore(stored, game._table, game._seats, game._queue, game._log);
            game._rounds.Restore();
            game._handouts.Restore(stored.Handouts, stored.Events);
        });

        return game;
    }

    /// <summary>
    /// Starts a new game from <paramref name="campaign"/> in an empty store (the other arguments as for <see cref="Load"/>);
    /// returns once the import is durable. <paramref name="images"/> are its entries' <c>image</c> files, stored by the host.
    /// </summary>
    public static Game Import(IGameStore store, CommitWatermark watermark, Campaign campaign, byte[] tokenKey, GameOptions options, TimeProvider time, IReadOnlyList<CampaignImage>? images = null)
    {
        var meta = new GameMeta { CampaignId = campaign.Id, CampaignName = campaign.Name, CreatedAt = time.GetUtcNow() };
        var game = new Game(store, watermark, tokenKey, options, time, meta);
        // Waited for here: the host starts serving only once the imported game is durable.
        game._writer.WriteAsync(tx =>
        {
            TableLoader.Import(tx, campaign, game._table, game._seats);
            game._handouts.Import(tx, campaign, images ?? []);
            return true;
        }).GetAwaiter().GetResult();
        return game;
    }

    /// <summary>Stops the game's timers (a simultaneous round's deadline); the host calls it before closing the store.</summary>
    public void Dispose() => _writer.Run(_roundTimer.Dispose);

    /// <summary>The current token of a seat.</summary>
    /// <param name="seatId">The seat id.</param>
    public string TokenFor(string seatId) => _writer.Read(() => _seats.TokenFor(seatId));

    /// <summary>Checks a presented token in constant time against every seat's current token; never throws.</summary>
    /// <param name="token">What the client sent.</param>
    /// <returns>The result.</returns>
    public AuthResult Authenticate(string? token) =>
        TokenIssuer.IsWellFormed(token) ? _writer.Read(() => _seats.Authenticate(token!)) : AuthResult.Invalid;

    /// <summary>Every seat (copies), players first (campaign order), then observer and DM.</summary>
    public IReadOnlyList<Seat> Seats() => _writer.Read(_seats.All);

    /// <summary>Issues a new token for a player seat or the observer seat; the old one stops working at once. Lifts a kick.</summary>
    /// <param name="seatId">A player id or <c>observer</c>.</param>
    /// <returns>The new token.</returns>
    public Task<string> RefreshSeatAsync(string seatId) => _writer.WriteAsync(tx => _seats.Refresh(tx, seatId));

    /// <summary>Revokes a seat until a refresh: its open actions and roll requests are cancelled, it leaves an open round, its sockets are closed.</summary>
    /// <param name="seatId">A player id or <c>observer</c>.</param>
    /// <returns>The cancelled actions.</returns>
    public async Task<IReadOnlyList<GameAction>> KickSeatAsync(string seatId)
    {
        var cancelled = await _writer.WriteAsync(tx => _seats.Kick(tx, seatId)).ConfigureAwait(false);
        // Those waiting on a request of the seat (GET …/roll-requests/{id}?wait=) learn it was cancelled.
        _writer.Run(_rollRequests.Signal);
        return cancelled;
    }

    /// <summary>Committed events the viewer may see with seq after <paramref name="after"/>, ascending, up to <paramref name="upTo"/> (default: the newest committed).</summary>
    /// <param name="viewer">Who reads.</param>
    /// <param name="after">Exclusive lower bound.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="upTo">Inclusive upper bound.</param>
    /// <returns>The page and whether more follow.</returns>
    public (IReadOnlyList<GameEvent> Events, bool HasMore) EventsAfter(Viewer viewer, long after, int limit, long? upTo = null) =>
        _writer.Read(() => _log.After(viewer, after, limit, upTo));

    /// <summary>The newest <paramref name="count"/> committed events the viewer may see, ascending, up to <paramref name="upTo"/>.</summary>
    /// <param name="viewer">Who reads.</param>
    /// <param name="count">How many.</param>
    /// <param name="upTo">Inclusive upper bound (default: the newest committed seq).</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<GameEvent> NewestEvents(Viewer viewer, int count, long? upTo = null) => _writer.Read(() => _log.Newest(viewer, count, upTo));

    /// <summary>The newest committed seq <paramref name="viewer"/> may see, up to <paramref name="upTo"/> (inclusive; default: the newest committed), or 0 when none.</summary>
    public long NewestVisibleSeq(Viewer viewer, long? upTo = null) => _writer.Read(() => _log.NewestVisibleSeq(viewer, upTo));

    /// <summary>What a socket's welcome carries for this viewer: own sheet (players), roster (without presence) and combat view.</summary>
    /// <param name="viewer">Who connects.</param>
    /// <returns>The state, filtered for the viewer.</returns>
    public WelcomeState Welcome(Viewer viewer) => _writer.Read(() => new WelcomeState(
        viewer.Role == Role.Player && _table.Characters.ContainsKey(viewer.SeatId) ? _book.GetCharacter(viewer, viewer.SeatId) : null,
        _book.Party(viewer),
        _turns.View(viewer)) { RollRequests = _rollRequests.OpenFor(viewer), SheetChanges = Sheets.PendingFor(viewer), Tv = _handouts.TvFor(viewer),
            SheetPolicy = viewer.Role == Role.Observer ? null : _table.Meta.SheetPolicy ?? SheetPolicy.Default });

    /// <summary>Scene text not tied to an action: a narrative for an audience (default public), private parts per player id, a DM note.</summary>
    public Task<IReadOnlyList<GameEvent>> NarrateAsync(string? narrative, Audience? audience, IReadOnlyDictionary<string, string>? privateParts, string? dmOnly) =>
        _writer.WriteAsync(tx => _narrator.Narrate(tx, narrative, audience, privateParts, dmOnly));

    /// <summary>A private message from the DM to some players.</summary>
    public Task<IReadOnlyList<GameEvent>> WhisperAsync(IReadOnlyList<string> to, string? text) => _writer.WriteAsync(tx => _narrator.Whisper(tx, to, text));

    /// <summary>Replaces the text of a message the DM sent (a roll: its label) for those who could see it, with an <c>edit</c> event (docs/protocol.md §3.7.19).</summary>
    /// <returns>The stored edit event.</returns>
    public Task<GameEvent> EditMessageAsync(long seq, string? text) => _writer.WriteAsync(tx => _edits.Edit(tx, seq, text));

    /// <summary>Withdraws a message the DM sent, for those who could see it, with a <c>retract</c> event (docs/protocol.md §3.7.19).</summary>
    /// <returns>The stored retract event.</returns>
    public Task<GameEvent> RetractMessageAsync(long seq) => _writer.WriteAsync(tx => _edits.Retract(tx, seq));

    /// <summary>Rolls dice (e.g. <c>2d6+3</c>, <c>4d6kh3</c>, <c>1d20adv</c>) seen by <c>public</c>, <c>party</c>, <c>private</c> (the player <paramref name="forPlayer"/>) or <c>dm</c>.</summary>
    /// <returns>The stored roll event.</returns>
    public Task<GameEvent> RollAsync(string? expr, string? visibility, string? forPlayer, string? label) =>
        _writer.WriteAsync(tx => _narrator.Roll(tx, _narrator.Dice(expr), visibility, forPlayer, label));

    /// <summary>Submits a player's action; in combat only on the player's turn or in an open simultaneous round (whose actions are held until it closes).</summary>
    /// <returns>The action, and false when the same <paramref name="clientId"/> had already queued it.</returns>
    public Task<(GameAction Action, bool Created)> SubmitActionAsync(Viewer viewer, string? text, string? clientId, bool isPrivate) =>
        _writer.WriteAsync(tx => _queue.Submit(tx, viewer, text, clientId, isPrivate));

    /// <summary>An action the viewer may see (their own, or any for the DM).</summary>
    public GameAction GetAction(Viewer viewer, string id) => _writer.Read(() => _queue.Get(viewer, id));

    /// <summary>The DM's list of actions, oldest first, optionally of one status.</summary>
    public IReadOnlyList<GameAction> ListActions(ActionStatus? status) => _writer.Read(() => _queue.List(status));

    /// <summary>Counts of actions by status.</summary>
    /// <returns>pending, processing, resolved, cancelled.</returns>
    public IReadOnlyDictionary<ActionStatus, int> QueueCounts() => _writer.Read(_queue.Counts);

    /// <summary>Takes the oldest pending action (now processing), waiting up to <paramref name="wait"/> for one.</summary>
    /// <returns>The action, or null when none arrived in time.</returns>
    public async Task<GameAction?> NextActionAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var (action, arrived) = await _writer.WriteAsync(_queue.TakeNext).ConfigureAwait(false);
            var remaining = deadline - _time.GetUtcNow();
            if (action is not null || remaining <= TimeSpan.Zero)
            {
                return action;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(arrived, Task.Delay(remaining, _time, timeout.Token)).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Takes one pending action out of turn, now processing (docs/protocol.md §3.7.18).</summary>
    /// <exception cref="GameException">404 for an unknown id; 409 when it is not pending or held by an open simultaneous round.</exception>
    public Task<GameAction> TakeActionAsync(string id) => _writer.WriteAsync(tx => _queue.Take(tx, id));

    /// <summary>Resolves an action: the narrative (for <paramref name="narrativeAudience"/>, default public), private parts and DM note become events.</summary>
    /// <returns>The resolved action and the stored events.</returns>
    public Task<(GameAction Action, IReadOnlyList<GameEvent> Events)> ResolveAsync(
        string id, string? narrative, IReadOnlyDictionary<string, string>? privateParts, string? dmOnly, Audience? narrativeAudience = null) =>
        _writer.WriteAsync(tx => _queue.Resolve(tx, id, narrative, privateParts, dmOnly, narrativeAudience));

    /// <summary>Puts a processing action back at the head of the queue (a DM that crashed mid-action).</summary>
    public Task<GameAction> RequeueAsync(string id) => _writer.WriteAsync(tx => _queue.Requeue(tx, id));

    /// <summary>Cancels a pending or processing action; the player is told <paramref name="reason"/>.</summary>
    public Task<GameAction> CancelAsync(string id, string? reason) => _writer.WriteAsync(tx => _queue.Cancel(tx, id, reason));

    /// <summary>The full sheet, for its owner or the DM; anyone else gets not-found.</summary>
    public Character GetCharacter(Viewer viewer, string id) => _writer.Read(() => _book.GetCharacter(viewer, id));

    /// <summary>All sheets (DM), in campaign order.</summary>
    public IReadOnlyList<Character> ListCharacters() => _writer.Read(_book.ListCharacters);

    /// <summary>The roster as <paramref name="viewer"/> may see it; presence is the host's to add.</summary>
    /// <returns>One line per character.</returns>
    public IReadOnlyList<PartyMember> GetParty(Viewer viewer) => _writer.Read(() => _book.Party(viewer));

    /// <summary>Replaces the given sheet fields (lists replace whole, e.g. <c>{"hp":40,"conditions":["poisoned"]}</c>) and tells the table.</summary>
    /// <returns>The updated sheet.</returns>
    public Task<Character> PatchCharacterAsync(string id, JsonObject patch) => _writer.WriteAsync(tx => _book.PatchCharacter(tx, id, patch));

    /// <summary>The NPCs the players know, public fields only.</summary>
    public IReadOnlyList<PublicEntry> KnownNpcs() => _writer.Read(_book.KnownNpcs);

    /// <summary>The locations the players have discovered, public fields only.</summary>
    public IReadOnlyList<PublicEntry> DiscoveredLocations() => _writer.Read(_book.DiscoveredLocations);

    /// <summary>Every NPC with DM notes (DM).</summary>
    public IReadOnlyList<Npc> ListNpcs() => _writer.Read(_book.ListNpcs);

    /// <summary>One NPC with DM notes (DM).</summary>
    public Npc GetNpc(string id) => _writer.Read(() => _book.GetNpc(id));

    /// <summary>Every location with DM notes (DM).</summary>
    public IReadOnlyList<Location> ListLocations() => _writer.Read(_book.ListLocations);

    /// <summary>One location with DM notes (DM).</summary>
    public Location GetLocation(string id) => _writer.Read(() => _book.GetLocation(id));

    /// <summary>Makes an NPC known to the players, with an event for the party (default text: its public description).</summary>
    /// <returns>The NPC (DM view).</returns>
    public Task<Npc> RevealNpcAsync(string id, string? narrative) => _writer.WriteAsync(tx =>
    {
        var npc = _book.RevealNpc(tx, id, narrative);
        _handouts.ShowWithReveal(tx, "npc:" + npc.Id, CampaignBook.RevealAudience);
        return npc;
    });

    /// <summary>Marks a location discovered, with an event for the party (default text: its description).</summary>
    /// <returns>The location (DM view).</returns>
    public Task<Location> RevealLocationAsync(string id, string? narrative) => _writer.WriteAsync(tx =>
    {
        var location = _book.RevealLocation(tx, id, narrative);
        _handouts.ShowWithReveal(tx, "location:" + location.Id, CampaignBook.RevealAudience);
        return location;
    });

    /// <summary>The combat view for one viewer (null out of combat).</summary>
    public CombatView? CombatView(Viewer viewer) => _writer.Read(() => _turns.View(viewer));

    /// <summary>Starts a turn-based fight (initiative order; a PC's numbers default to, and are written to, its sheet).</summary>
    public Task<CombatView?> StartCombatAsync(IReadOnlyList<CombatantSpec> specs) => _writer.WriteAsync(tx => _turns.Start(tx, specs));

    /// <summary>Moves to the next combatant, skipping NPCs at 0 HP; after the last, round + 1.</summary>
    public Task<CombatView?> NextTurnAsync() => _writer.WriteAsync(_turns.Next);

    /// <summary>Changes a combatant's hp, conditions or hidden flag; a PC's hp and conditions are written to its sheet.</summary>
    public Task<CombatView?> UpdateCombatantAsync(string id, int? hp, IReadOnlyList<string>? conditions, bool? hidden) =>
        _writer.WriteAsync(tx => _turns.Update(tx, id, hp, conditions, hidden));

    /// <summary>Ends the fight and any open simultaneous round (its submitted actions go to the DM); nothing on changes nothing.</summary>
    /// <returns>Null (the DM view of no combat).</returns>
    public Task<CombatView?> EndCombatAsync() => _writer.WriteAsync(tx =>
    {
        _turns.End(tx);
        return (CombatView?)null;
    });

    /// <summary>
    /// Opens a simultaneous round, in combat or out of it: each listed player (default: every player seat,
    /// in combat every PC; kicked seats left out) submits one action, held until everyone has or the
    /// deadline passes (1 to 86,400 s), then handed to the DM in initiative order (out of combat: submission order).
    /// </summary>
    public Task<CombatView?> SimultaneousRoundAsync(string? prompt, int timeoutSeconds = 300, IReadOnlyList<string>? players = null) =>
        _writer.WriteAsync(tx => _rounds.Open(tx, prompt, timeoutSeconds, players));

    private void OnRoundDeadline(SimultaneousRound round) => _writer.WriteUnawaited(tx =>
    {
        // A round that already closed (everyone submitted, ended, or replaced) is not touched.
        if (!_rounds.IsOpen(round))
        {
            return false;
        }

        _rounds.Close(tx);
        return true;
    });
}
