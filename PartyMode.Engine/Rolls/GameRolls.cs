using PartyMode.Engine.Events;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Rolls;

/// <summary>
/// Players' rolls and the DM's roll requests (docs/protocol.md §7), run under the game's one lock like every
/// other write: a roll or request change is acknowledged only once the store has made it durable.
/// </summary>
public sealed class GameRolls
{
    private readonly TableWriter _writer;
    private readonly EventLog _log;
    private readonly TimeProvider _time;
    private readonly PlayerRolls _rolls;
    private readonly RollRequestBook _requests;

    internal GameRolls(TableWriter writer, EventLog log, TimeProvider time, PlayerRolls rolls, RollRequestBook requests)
    {
        _writer = writer;
        _log = log;
        _time = time;
        _rolls = rolls;
        _requests = requests;
    }

    /// <summary>A player rolls dice or a sheet reference; not gated by turns.</summary>
    /// <param name="viewer">The rolling seat (players only; observers get <c>observer_cannot_act</c>).</param>
    /// <param name="input">What was sent.</param>
    /// <returns>The roll event, and false when the same <c>client_id</c> had already rolled it.</returns>
    public async Task<RollOutcome> RollAsync(Viewer viewer, RollInput input)
    {
        var outcome = await _writer.WriteAsync(tx => _rolls.Roll(tx, viewer, input)).ConfigureAwait(false);
        if (outcome.Created && outcome.Event.RequestId is not null)
        {
            _writer.Run(_requests.Signal);
        }

        return outcome;
    }

    /// <summary>Asks one player for a roll (<paramref name="expr"/>: dice or a sheet reference; visibility default <c>dm</c>).</summary>
    /// <returns>The open request (DM view).</returns>
    public async Task<RollRequest> RequestAsync(string? player, string? expr, string? mode, int? dc, string? visibility, string? reason, bool? allowPhysical)
    {
        var request = await _writer.WriteAsync(tx => _requests.Create(tx, player, expr, mode, dc, visibility, reason, allowPhysical)).ConfigureAwait(false);
        _writer.Run(_requests.Signal);
        return request;
    }

    /// <summary>Cancels an open request; the player's card goes away.</summary>
    public async Task<RollRequest> CancelRequestAsync(string id)
    {
        var request = await _writer.WriteAsync(tx => _requests.Cancel(tx, id)).ConfigureAwait(false);
        _writer.Run(_requests.Signal);
        return request;
    }

    /// <summary>The DM's list of requests, oldest first, optionally of one status.</summary>
    public IReadOnlyList<RollRequest> ListRequests(RollRequestStatus? status) => _writer.Read(() => _requests.List(status));

    /// <summary>The open requests a viewer's welcome carries (a player's own, all for the DM, none for observers).</summary>
    public IReadOnlyList<RollRequest> OpenRequestsFor(Viewer viewer) => _writer.Read(() => _requests.OpenFor(viewer));

    /// <summary>One request (DM), waiting up to <paramref name="wait"/> while it is open.</summary>
    /// <returns>The request as it stands when it closed or the wait ran out.</returns>
    public async Task<RollRequest> GetRequestAsync(string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var (request, changed) = _writer.Read(() => (_requests.Get(id), _requests.Changed));
            // A roll is reported only once its event is durable (the signal follows the commit).
            var settled = request.Status != RollRequestStatus.Open && (request.RollSeq is not { } seq || seq <= _log.CommittedSeq);
            var remaining = deadline - _time.GetUtcNow();
            if (settled || remaining <= TimeSpan.Zero)
            {
                return request;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(changed, Task.Delay(remaining, _time, timeout.Token)).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
