using PartyMode.Engine.Actions;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

public sealed partial class Game
{
    /// <summary>Issues a new token for a player seat or the observer seat; the old one stops working at once. Lifts a kick.</summary>
    /// <param name="seatId">A player id or <c>observer</c>.</param>
    /// <returns>The new token.</returns>
    public async Task<string> RefreshSeatAsync(string seatId)
    {
        Task commit;
        string token;
        lock (_gate)
        {
            var seat = RevocableSeat(seatId);
            seat.Generation++;
            seat.Kicked = false;
            token = _tokens.Issue(seat.Id, seat.Generation);
            _currentTokens[seat.Id] = token;
            var changes = new ChangeSet();
            changes.Seats.Add(EngineJson.Clone(seat));
            commit = CommitLocked(changes, [new SeatRevokedNotice(seat.Id, Kicked: false)]);
        }

        await commit.ConfigureAwait(false);
        return token;
    }

    /// <summary>Revokes a seat until a refresh: its pending actions are cancelled and its sockets closed.</summary>
    /// <param name="seatId">A player id or <c>observer</c>.</param>
    /// <returns>The cancelled actions.</returns>
    public async Task<IReadOnlyList<GameAction>> KickSeatAsync(string seatId)
    {
        Task commit;
        List<GameAction> cancelled = [];
        lock (_gate)
        {
            var seat = RevocableSeat(seatId);
            seat.Kicked = true;
            var changes = new ChangeSet();
            changes.Seats.Add(EngineJson.Clone(seat));
            var notices = new List<Notice> { new SeatRevokedNotice(seat.Id, Kicked: true) };
            foreach (var action in _actions.Values.Where(a => a.PlayerId == seat.Id && a.Status is ActionStatus.Pending or ActionStatus.Processing).ToList())
            {
                CancelLocked(action, "the DM removed this seat", changes);
                cancelled.Add(CloneAction(action));
                notices.Add(new ActionStatusNotice(CloneAction(action)));
            }

            OnSeatKickedLocked(seat.Id, changes, notices);
            commit = CommitLocked(changes, notices);
        }

        await commit.ConfigureAwait(false);
        return cancelled;
    }

    private Seats.Seat RevocableSeat(string seatId)
    {
        var seat = SeatOf(seatId);
        if (seat.Role == Role.Dm)
        {
            throw GameException.BadRequest("bad_seat", "The DM seat cannot be refreshed or kicked here; its token is in DATA/dm.token.");
        }

        return seat;
    }

    partial void OnSeatKickedLocked(string seatId, ChangeSet changes, List<Notice> notices);
}
