using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Rolls;

/// <summary>The DM's roll requests (docs/protocol.md §7.2): ask, list, cancel, and close with the player's roll.</summary>
internal sealed class RollRequestBook(TableState table)
{
    private const int MaxReason = 500;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next committed change of any request.</summary>
    public Task Changed => _changed.Task;

    public RollRequest Create(Transaction tx, string? player, string? expr, string? mode, int? dc, string? visibility, string? reason, bool? allowPhysical)
    {
        if (string.IsNullOrWhiteSpace(player))
        {
            throw GameException.BadRequest("bad_request", "'player' is missing: name the player who rolls, e.g. \"thorin\".");
        }

        var id = player.Trim();
        if (!table.Characters.TryGetValue(id, out var sheet))
        {
            throw new GameException(ErrorKind.NotFound, "not_found", $"There is no player '{id}'. Players: {string.Join(", ", table.CharacterOrder)}.");
        }

        if (table.SeatOf(id).Kicked)
        {
            throw GameException.Conflict("seat_kicked", $"{sheet.Name}'s seat was kicked; refresh it before asking for a roll.");
        }

        var dice = RollDice.Prepare(expr, mode, sheet);
        if (dc is < 1 or > 100)
        {
            throw GameException.BadRequest("bad_request", $"'dc' must be between 1 and 100, not {dc}.");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is { Length: > MaxReason })
        {
            throw GameException.BadRequest("too_long", $"'reason' has {text.Length} characters; the limit is {MaxReason}.");
        }

        var request = new RollRequest
        {
            Id = $"rr_{table.RollRequests.Count + 1:000000}",
            Player = id,
            Expr = expr!.Trim(),
            Mode = dice.Mode,
            Dc = dc,
            Visibility = RollWords.Visibility(visibility, "dm"),
            Reason = text,
            AllowPhysical = allowPhysical ?? true,
            Status = RollRequestStatus.Open,
            CreatedAt = tx.Now,
        };
        table.RollRequests[request.Id] = request;
        return Store(tx, request);
    }

    public RollRequest Get(string id) => Find(id).Snapshot();

    public IReadOnlyList<RollRequest> List(RollRequestStatus? status) =>
        table.RollRequests.Values.Where(r => status is null || r.Status == status).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Snapshot()).ToList();

    /// <summary>The open requests a viewer's welcome carries: the player's own, or all for the DM.</summary>
    public IReadOnlyList<RollRequest> OpenFor(Viewer viewer) => viewer.Role switch
    {
        Role.Dm => List(RollRequestStatus.Open),
        Role.Player => List(RollRequestStatus.Open).Where(r => r.Player == viewer.SeatId).ToList(),
        _ => [],
    };

    public RollRequest Cancel(Transaction tx, string id)
    {
        var request = Find(id);
        if (request.Status != RollRequestStatus.Open)
        {
            throw GameException.Conflict("already_" + Word(request.Status), $"Roll request {id} is already {Word(request.Status)}.");
        }

        request.Status = RollRequestStatus.Cancelled;
        request.ClosedAt = tx.Now;
        return Store(tx, request);
    }

    /// <summary>Cancels every open request of a seat (a kick): the seat can no longer answer them.</summary>
    /// <returns>How many were cancelled.</returns>
    public int CancelAllOf(Transaction tx, string seatId)
    {
        var open = table.RollRequests.Values.Where(r => r.Player == seatId && r.Status == RollRequestStatus.Open).ToList();
        foreach (var request in open)
        {
            request.Status = RollRequestStatus.Cancelled;
            request.ClosedAt = tx.Now;
            Store(tx, request);
        }

        return open.Count;
    }

    /// <summary>The open request a player answers.</summary>
    /// <exception cref="GameException">404 for an unknown id or another seat's request; 409 when it is closed.</exception>
    public RollRequest Answerable(string id, string seatId)
    {
        if (!table.RollRequests.TryGetValue(id, out var request) || request.Player != seatId)
        {
            throw new GameException(ErrorKind.NotFound, "not_found", $"You have no roll request '{id}'.");
        }

        return request.Status switch
        {
            RollRequestStatus.Open => request,
            RollRequestStatus.Rolled => throw GameException.Conflict("already_rolled", $"You already rolled for {id}."),
            _ => throw GameException.Conflict("already_cancelled", $"The DM cancelled roll request {id}."),
        };
    }

    public static void Answered(Transaction tx, RollRequest request, Events.GameEvent roll)
    {
        request.Status = RollRequestStatus.Rolled;
        request.ClosedAt = tx.Now;
        request.RollTotal = roll.Total;
        request.RollSeq = roll.Seq;
        request.RollLabel = roll.Label;
        request.RollPhysical = roll.Physical;
        Store(tx, request);
    }

    /// <summary>Wakes those waiting for a change (called once the change is durable).</summary>
    public void Signal()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    private RollRequest Find(string id) =>
        table.RollRequests.TryGetValue(id, out var r) ? r : throw GameException.NotFound("roll request", id);

    private static RollRequest Store(Transaction tx, RollRequest request)
    {
        tx.Store(request);
        var snapshot = request.Snapshot();
        tx.Notify(new RollRequestNotice(snapshot));
        return snapshot;
    }

    private static string Word(RollRequestStatus status) => status.ToString().ToLowerInvariant();
}
