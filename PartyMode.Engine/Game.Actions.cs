using PartyMode.Engine.Actions;
using PartyMode.Engine.Events;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

public sealed partial class Game
{
    /// <summary>Submits a player's action (docs/protocol.md §3.6.2, §5).</summary>
    /// <param name="viewer">The acting seat.</param>
    /// <param name="text">What the player says or does.</param>
    /// <param name="clientId">Optional idempotency key.</param>
    /// <param name="isPrivate">A whisper to the DM.</param>
    /// <returns>The action, and false when the same <paramref name="clientId"/> had already queued it.</returns>
    public async Task<(GameAction Action, bool Created)> SubmitActionAsync(Viewer viewer, string? text, string? clientId, bool isPrivate)
    {
        Task commit;
        GameAction snapshot;
        lock (_gate)
        {
            if (viewer.Role == Role.Observer)
            {
                throw GameException.Forbidden("observer_cannot_act", "Observers watch the game; only players can act.");
            }

            if (viewer.Role != Role.Player)
            {
                throw GameException.Forbidden("forbidden", "Only player seats submit actions; the DM narrates instead.");
            }

            if (SeatOf(viewer.SeatId).Kicked)
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
                    return (CloneAction(_actions[existingId]), false);
                }
            }

            var trimmed = text?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                throw GameException.BadRequest("empty_action", "The action is empty: say what your character does.");
            }

            if (trimmed.Length > _options.MaxActionLength)
            {
                throw GameException.BadRequest("too_long", $"The action has {trimmed.Length} characters; the limit is {_options.MaxActionLength}.");
            }

            var held = CheckTurnLocked(viewer.SeatId);
            CheckRateLocked(viewer.SeatId);

            var number = _nextActionNumber++;
            var action = new GameAction
            {
                Id = GameAction.IdFor(number),
                PlayerId = viewer.SeatId,
                Text = trimmed,
                Private = isPrivate,
                Status = ActionStatus.Pending,
                ClientId = clientId,
                SubmittedAt = _time.GetUtcNow(),
                QueueKey = number,
                Held = held,
            };
            var e = NewEvent("action", isPrivate ? Audience.Players(viewer.SeatId) : Audience.Public);
            action.Seq = e.Seq;
            e.Action = CloneAction(action);
            e.Action.ClientId = null; // the client's idempotency key is the actor's business only
            _actions[action.Id] = action;
            if (clientId is not null)
            {
                _clientIds[(viewer.SeatId, clientId)] = action.Id;
            }

            var changes = new ChangeSet();
            changes.Events.Add(e);
            changes.Actions.Add(CloneAction(action));
            snapshot = CloneAction(action);
            var notices = new List<Notice> { new ActionStatusNotice(snapshot) };
            if (held)
            {
                RecordSimultaneousSubmissionLocked(action, changes, notices);
            }
            else
            {
                _pending[action.QueueKey] = action;
                SignalPendingLocked();
            }

            commit = CommitLocked(changes, notices);
        }

        await commit.ConfigureAwait(false);
        return (snapshot, true);
    }

    /// <summary>An action the viewer may see (their own, or any for the DM).</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="id">The action id.</param>
    /// <returns>A copy of the action.</returns>
    public GameAction GetAction(Viewer viewer, string id)
    {
        lock (_gate)
        {
            if (!_actions.TryGetValue(id, out var action) || (viewer.Role != Role.Dm && action.PlayerId != viewer.SeatId))
            {
                throw GameException.NotFound("action", id);
            }

            return CloneAction(action);
        }
    }

    /// <summary>The DM's list of actions, oldest first, optionally of one status.</summary>
    /// <param name="status">Only this status, or all.</param>
    /// <returns>Copies.</returns>
    public IReadOnlyList<GameAction> ListActions(ActionStatus? status)
    {
        lock (_gate)
        {
            return _actions.Values.Where(a => status is null || a.Status == status)
                .OrderBy(a => a.Number).Select(CloneAction).ToList();
        }
    }

    /// <summary>Counts of actions by status.</summary>
    /// <returns>pending, processing, resolved, cancelled.</returns>
    public IReadOnlyDictionary<ActionStatus, int> QueueCounts()
    {
        lock (_gate)
        {
            var counts = Enum.GetValues<ActionStatus>().ToDictionary(s => s, _ => 0);
            foreach (var a in _actions.Values)
            {
                counts[a.Status]++;
            }

            return counts;
        }
    }

    /// <summary>Pops the oldest pending action (now processing), waiting up to <paramref name="wait"/> for one.</summary>
    /// <param name="wait">How long to wait for an action to arrive.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The action, or null when none arrived in time.</returns>
    public async Task<GameAction?> NextActionAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            Task signal;
            Task? commit = null;
            GameAction? popped = null;
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    var first = _pending.First();
                    _pending.Remove(first.Key);
                    popped = first.Value;
                    popped.Status = ActionStatus.Processing;
                    var changes = new ChangeSet();
                    changes.Actions.Add(CloneAction(popped));
                    commit = CommitLocked(changes, [new ActionStatusNotice(CloneAction(popped))]);
                    popped = CloneAction(popped);
                }

                signal = _pendingSignal.Task;
            }

            if (commit is not null)
            {
                await commit.ConfigureAwait(false);
                return popped;
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(remaining, _time, timeout.Token);
            await Task.WhenAny(signal, delay).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Resolves an action: one stored event per part, each with its audience.</summary>
    /// <param name="id">The action id.</param>
    /// <param name="narrative">Public narrative (may be empty when a private part or note is given).</param>
    /// <param name="privateParts">Text per player id, each visible to that player and the DM.</param>
    /// <param name="dmOnly">A note for the DM only.</param>
    /// <param name="narrativeAudience">Who hears the narrative (default public; e.g. only the actor for a whispered action).</param>
    /// <returns>The resolved action and the stored events.</returns>
    public async Task<(GameAction Action, IReadOnlyList<GameEvent> Events)> ResolveAsync(
        string id, string? narrative, IReadOnlyDictionary<string, string>? privateParts, string? dmOnly, Audience? narrativeAudience = null)
    {
        Task commit;
        GameAction snapshot;
        List<GameEvent> events;
        lock (_gate)
        {
            var action = _actions.TryGetValue(id, out var a) ? a : throw GameException.NotFound("action", id);
            if (action.Status is ActionStatus.Resolved or ActionStatus.Cancelled)
            {
                throw GameException.Conflict("already_" + EventWire.StatusName(action.Status), $"Action {id} is already {EventWire.StatusName(action.Status)}.");
            }

            if (narrativeAudience is { Kind: AudienceKind.Players })
            {
                CheckPlayers(narrativeAudience.PlayerIds);
            }

            var changes = new ChangeSet();
            events = AddNarrationLocked(changes, narrative, narrativeAudience ?? Audience.Public, privateParts, dmOnly, action.Id, action.PlayerId, requireSomething: true);
            _pending.Remove(action.QueueKey);
            action.Status = ActionStatus.Resolved;
            action.ResolvedAt = _time.GetUtcNow();
            changes.Actions.Add(CloneAction(action));
            snapshot = CloneAction(action);
            commit = CommitLocked(changes, [new ActionStatusNotice(snapshot)]);
        }

        await commit.ConfigureAwait(false);
        return (snapshot, events);
    }

    /// <summary>Puts a processing action back at the head of the queue (a DM that crashed mid-action).</summary>
    /// <param name="id">The action id.</param>
    /// <returns>The action, pending again.</returns>
    public async Task<GameAction> RequeueAsync(string id)
    {
        Task commit;
        GameAction snapshot;
        lock (_gate)
        {
            var action = _actions.TryGetValue(id, out var a) ? a : throw GameException.NotFound("action", id);
            if (action.Status != ActionStatus.Processing)
            {
                throw GameException.Conflict("not_processing", $"Action {id} is {EventWire.StatusName(action.Status)}; only a processing action can be requeued.");
            }

            action.Status = ActionStatus.Pending;
            _pending[action.QueueKey] = action;
            SignalPendingLocked();
            var changes = new ChangeSet();
            changes.Actions.Add(CloneAction(action));
            snapshot = CloneAction(action);
            commit = CommitLocked(changes, [new ActionStatusNotice(snapshot)]);
        }

        await commit.ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>Cancels a pending or processing action; the player is told why.</summary>
    /// <param name="id">The action id.</param>
    /// <param name="reason">Why, for the player.</param>
    /// <returns>The cancelled action.</returns>
    public async Task<GameAction> CancelAsync(string id, string? reason)
    {
        Task commit;
        GameAction snapshot;
        lock (_gate)
        {
            var action = _actions.TryGetValue(id, out var a) ? a : throw GameException.NotFound("action", id);
            if (action.Status is ActionStatus.Resolved or ActionStatus.Cancelled)
            {
                throw GameException.Conflict("already_" + EventWire.StatusName(action.Status), $"Action {id} is already {EventWire.StatusName(action.Status)}.");
            }

            var changes = new ChangeSet();
            CancelLocked(action, string.IsNullOrWhiteSpace(reason) ? "cancelled by the DM" : reason.Trim(), changes);
            snapshot = CloneAction(action);
            commit = CommitLocked(changes, [new ActionStatusNotice(snapshot)]);
        }

        await commit.ConfigureAwait(false);
        return snapshot;
    }

    private void CancelLocked(GameAction action, string reason, ChangeSet changes)
    {
        _pending.Remove(action.QueueKey);
        action.Status = ActionStatus.Cancelled;
        action.Held = false;
        action.Reason = reason;
        action.ResolvedAt = _time.GetUtcNow();
        changes.Actions.Add(CloneAction(action));
    }

    private void CheckRateLocked(string seatId)
    {
        var now = _time.GetUtcNow();
        if (!_rate.TryGetValue(seatId, out var window))
        {
            window = new Queue<DateTimeOffset>();
            _rate[seatId] = window;
        }

        while (window.Count > 0 && now - window.Peek() >= _options.ActionRateWindow)
        {
            window.Dequeue();
        }

        if (window.Count >= _options.ActionRateCount)
        {
            var wait = _options.ActionRateWindow - (now - window.Peek());
            throw new GameException(ErrorKind.RateLimited, "rate_limited",
                $"Too many actions: at most {_options.ActionRateCount} per {_options.ActionRateWindow.TotalSeconds:0.#} s. Try again in {Math.Ceiling(wait.TotalSeconds):0} s.");
        }

        window.Enqueue(now);
    }

    private void SignalPendingLocked()
    {
        var previous = _pendingSignal;
        _pendingSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    private static GameAction CloneAction(GameAction a) => new()
    {
        Id = a.Id,
        Seq = a.Seq,
        PlayerId = a.PlayerId,
        Text = a.Text,
        Private = a.Private,
        Status = a.Status,
        ClientId = a.ClientId,
        SubmittedAt = a.SubmittedAt,
        ResolvedAt = a.ResolvedAt,
        Reason = a.Reason,
        QueueKey = a.QueueKey,
        Held = a.Held,
    };
}
