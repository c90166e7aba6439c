using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Seats;

/// <summary>
/// The seats and their tokens: authentication, refresh (a new token, the old one stops at once) and
/// kick (revoked until a refresh; the seat's open actions and roll requests are cancelled and it leaves an open round).
/// </summary>
internal sealed class SeatRegistry(TableState table, TokenIssuer tokens, ActionQueue queue, SimultaneousRounds rounds, RollRequestBook rollRequests)
{
    private readonly Dictionary<string, string> _current = new(StringComparer.Ordinal);

    public void Add(Seat seat)
    {
        table.Seats[seat.Id] = seat;
        table.SeatOrder.Add(seat);
        _current[seat.Id] = tokens.Issue(seat.Id, seat.Generation);
    }

    public string TokenFor(string seatId) =>
        _current.TryGetValue(seatId, out var token) ? token : throw GameException.NotFound("seat", seatId);

    public AuthResult Authenticate(string token)
    {
        Seat? match = null;
        foreach (var seat in table.SeatOrder)
        {
            // Compare with every seat so timing does not depend on which one matched.
            if (TokenIssuer.Matches(token, _current[seat.Id]))
            {
                match = seat;
            }
        }

        if (match is null)
        {
            return AuthResult.Invalid;
        }

        return new AuthResult(match.Kicked ? AuthStatus.Kicked : AuthStatus.Ok, match.Viewer, match.Name);
    }

    public IReadOnlyList<Seat> All() => table.SeatOrder.Select(EngineJson.Clone).ToList();

    /// <summary>Issues a new token for a player seat or the observer seat; lifts a kick.</summary>
    public string Refresh(Transaction tx, string seatId)
    {
        var seat = Revocable(seatId);
        seat.Generation++;
        seat.Kicked = false;
        var token = tokens.Issue(seat.Id, seat.Generation);
        _current[seat.Id] = token;
        tx.Store(seat);
        tx.Notify(new SeatRevokedNotice(seat.Id, Kicked: false));
        return token;
    }

    /// <summary>Revokes a seat until a refresh.</summary>
    /// <returns>The cancelled actions.</returns>
    public IReadOnlyList<GameAction> Kick(Transaction tx, string seatId)
    {
        var seat = Revocable(seatId);
        seat.Kicked = true;
        tx.Store(seat);
        tx.Notify(new SeatRevokedNotice(seat.Id, Kicked: true));
        var cancelled = queue.CancelAllOf(tx, seat.Id, "the DM removed this seat");
        rounds.SeatKicked(tx, seat.Id);
        // A kicked seat cannot answer: its open roll requests would wait forever.
        rollRequests.CancelAllOf(tx, seat.Id);
        return cancelled;
    }

    private Seat Revocable(string seatId)
    {
        var seat = table.SeatOf(seatId);
        if (seat.Role == Role.Dm)
        {
            throw GameException.BadRequest("bad_seat", "The DM seat cannot be refreshed or kicked.");
        }

        return seat;
    }
}
