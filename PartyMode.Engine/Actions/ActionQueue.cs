using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Narration;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Actions;

/// <summary>
/// The action queue: players submit, the DM takes the oldest pending action (or any pending one), resolves, requeues or
/// cancels it. Turn order and simultaneous rounds decide whether a player may act now.
/// </summary>
internal sealed class ActionQueue(TableState table, GameOptions options, Narrator narrator, TurnOrder turns, SimultaneousRounds rounds)
{
    private readonly Dictionary<(string Seat, string ClientId), string> _clientIds = [];
    private readonly RateLimiter _rate = new(options);

    /// <summary>Loads a stored action.</summary>
    public void Restore(GameAction action)
    {
        table.Actions[action.Id] = action;
        if (action.ClientId is not null)
        {
            _clientIds[(action.PlayerId, action.ClientId)] = action.Id;
        }

        if (action.Status == ActionStatus.Pending && !action.Held)
        {
            table.Pending.Add(action);
        }

        table.NextActionNumber = Math.Max(table.NextActionNumber, action.Number + 1);
    }

    /// <summary>Submits a player's action.</summary>
    /// <param name="tx">The write.</param>
    /// <param name="viewer">The acting seat.</param>
    /// <param name="text">What the player says or does.</param>
    /// <param name="clientId">Optional idempotency key.</param>
    /// <param name="isPrivate">A whisper to the DM.</param>
    /// <returns>The action, and false when the same <paramref name="clientId"/> had already queued it.</returns>
    public (GameAction Action, bool Created) Submit(Transaction tx, Viewer viewer, string? text, string? clientId, bool isPrivate)
    {
        if (viewer.Role == Role.Observer)
        {
            throw GameException.Forbidden("observer_cannot_act", "Observers watch the game; only players can act.");
        }

        if (viewer.Role != Role.Player)
        {
            throw GameException.Forbidden("forbidden", "Only player seats submit actions; the DM narrates instead.");
        }

        if (table.SeatOf(viewer.SeatId).Kicked)
        {
            throw GameException.Forbidden("seat_kicked", "The DM removed this seat from the game.");
        }

        if (clientId is not null)
        {
            if (clientId.Length is 0 or > 100)
            {
                throw GameException.BadRequest("bad_client_id", "client_id must be 1 to 100 characters.");
            }

            if (_clientIds.TryGetValue((viewer.SeatId, clientId), out var existingId))
            {
                return (table.Actions[existingId].Snapshot(), false);
            }
        }

        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw GameException.BadRequest("empty_action", "The action is empty: say what your character does.");
        }

        if (trimmed.Length > options.MaxActionLength)
        {
            throw GameException.BadRequest("too_long", $"The action has {trimmed.Length} characters; the limit is {options.MaxActionLength}.");
        }

        // A whisper to the DM is never gated by turns or rounds and is not the seat's round submission (PROTOCOL-2 amendment to v1 §5).
        var held = !isPrivate && rounds.Admit(viewer.SeatId);
        if (!held && !isPrivate)
        {
            turns.Admit(viewer.SeatId);
        }

        _rate.Check(viewer.SeatId, tx.Now);
        var number = table.NextActionNumber++;
        var action = new GameAction
        {
            Id = GameAction.IdFor(number),
            PlayerId = viewer.SeatId,
            Text = trimmed,
            Private = isPrivate,
            Status = ActionStatus.Pending,
            ClientId = clientId,
            SubmittedAt = tx.Now,
            QueueKey = number,
            Held = held,
        };
        var e = tx.NewEvent("action", isPrivate ? Audience.Players(viewer.SeatId) : Audience.Public);
        action.Seq = e.Seq;
        e.Action = action.Snapshot();
        e.Action.ClientId = null; // the client's idempotency key is the actor's business only
        table.Actions[action.Id] = action;
        if (clientId is not null)
        {
            _clientIds[(viewer.SeatId, clientId)] = action.Id;
        }

        tx.Store(action);
        var snapshot = action.Snapshot();
        tx.Notify(new ActionStatusNotice(snapshot));
        if (held)
        {
            rounds.RecordSubmission(tx, action);
        }
        else
        {
            table.Pending.Add(action);
            table.Pending.Signal();
        }

        return (snapshot, true);
    }

    public GameAction Get(Viewer viewer, string id)
    {
        if (!table.Actions.TryGetValue(id, out var action) || (viewer.Role != Role.Dm && action.PlayerId != viewer.SeatId))
        {
            throw GameException.NotFound("action", id);
        }

        return action.Snapshot();
    }

    public IReadOnlyList<GameAction> List(ActionStatus? status) =>
        table.Actions.Values.Where(a => status is null || a.Status == status).OrderBy(a => a.Number).Select(a => a.Snapshot()).ToList();

    public IReadOnlyDictionary<ActionStatus, int> Counts()
    {
        var counts = Enum.GetValues<ActionStatus>().ToDictionary(s => s, _ => 0);
        foreach (var a in table.Actions.Values)
        {
            counts[a.Status]++;
        }

        return counts;
    }

    /// <summary>Takes the oldest pending action (now processing), or returns the signal to wait on.</summary>
    public (GameAction? Action, Task Arrived) TakeNext(Transaction tx)
    {
        var next = table.Pending.TakeFirst();
        if (next is not null)
        {
            next.Status = ActionStatus.Processing;
            tx.Store(next);
            tx.Notify(new ActionStatusNotice(next.Snapshot()));
            return (next.Snapshot(), Task.CompletedTask);
        }

        return (null, table.Pending.Arrived);
    }

    /// <summary>Takes one pending action out of turn (now processing): the DM answers a quick question before a long action.</summary>
    /// <exception cref="GameException">404 for an unknown id; 409 when it is not pending or an open simultaneous round holds it.</exception>
    public GameAction Take(Transaction tx, string id)
    {
        var action = table.ActionOf(id);
        if (action.Status != ActionStatus.Pending)
        {
            throw GameException.Conflict("not_pending", $"Action {id} is {Word(action.Status)}; only a pending action can be taken.");
        }

        if (action.Held)
        {
            throw GameException.Conflict("held_by_round", $"Action {id} is held by the open simultaneous round; it comes to the DM when the round closes.");
        }

        table.Pending.Remove(action);
        action.Status = ActionStatus.Processing;
        return Changed(tx, action);
    }

    /// <summary>Resolves an action: one stored event per part, each with its audience.</summary>
    public (GameAction Action, IReadOnlyList<GameEvent> Events) Resolve(
        Transaction tx, string id, string? narrative, IReadOnlyDictionary<string, string>? privateParts, string? dmOnly, Audience? narrativeAudience)
    {
        var action = Open(id);
        if (narrativeAudience is { Kind: AudienceKind.Players })
        {
            table.CheckPlayers(narrativeAudience.PlayerIds);
        }

        var events = narrator.AddNarration(tx, narrative, narrativeAudience ?? Audience.Public, privateParts, dmOnly, action.Id, action.PlayerId, requireSomething: true);
        table.Pending.Remove(action);
        action.Status = ActionStatus.Resolved;
        action.ResolvedAt = tx.Now;
        return (Changed(tx, action), events);
    }

    /// <summary>Puts a processing action back at the head of the queue (a DM that crashed mid-action).</summary>
    public GameAction Requeue(Transaction tx, string id)
    {
        var action = table.ActionOf(id);
        if (action.Status != ActionStatus.Processing)
        {
            throw GameException.Conflict("not_processing", $"Action {id} is {Word(action.Status)}; only a processing action can be requeued.");
        }

        action.Status = ActionStatus.Pending;
        table.Pending.Add(action);
        table.Pending.Signal();
        return Changed(tx, action);
    }

    /// <summary>Cancels a pending or processing action; the player is told why.</summary>
    public GameAction Cancel(Transaction tx, string id, string? reason)
    {
        var action = Open(id);
        Cancel(tx, action, string.IsNullOrWhiteSpace(reason) ? "cancelled by the DM" : reason.Trim());
        return Changed(tx, action);
    }

    /// <summary>Cancels every open action of a seat (a kick).</summary>
    public IReadOnlyList<GameAction> CancelAllOf(Transaction tx, string seatId, string reason)
    {
        var cancelled = new List<GameAction>();
        foreach (var action in table.Actions.Values.Where(a => a.PlayerId == seatId && a.Status is ActionStatus.Pending or ActionStatus.Processing).ToList())
        {
            Cancel(tx, action, reason);
            cancelled.Add(action.Snapshot());
            tx.Notify(new ActionStatusNotice(action.Snapshot()));
        }

        return cancelled;
    }

    private void Cancel(Transaction tx, GameAction action, string reason)
    {
        table.Pending.Remove(action);
        action.Status = ActionStatus.Cancelled;
        action.Held = false;
        action.Reason = reason;
        action.ResolvedAt = tx.Now;
        tx.Store(action);
    }

    private GameAction Open(string id)
    {
        var action = table.ActionOf(id);
        if (action.Status is ActionStatus.Resolved or ActionStatus.Cancelled)
        {
            throw GameException.Conflict("already_" + Word(action.Status), $"Action {id} is already {Word(action.Status)}.");
        }

        return action;
    }

    private static GameAction Changed(Transaction tx, GameAction action)
    {
        tx.Store(action);
        var snapshot = action.Snapshot();
        tx.Notify(new ActionStatusNotice(snapshot));
        return snapshot;
    }

    /// <summary>The status as a word in messages and codes (the same words the wire uses).</summary>
    private static string Word(ActionStatus status) => status.ToString().ToLowerInvariant();
}
