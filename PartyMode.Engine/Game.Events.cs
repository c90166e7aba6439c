using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

public sealed partial class Game
{
    /// <summary>Events visible to the viewer with seq after <paramref name="after"/>, ascending (committed ones only).</summary>
    /// <param name="viewer">Who reads.</param>
    /// <param name="after">Exclusive lower bound.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="upTo">Inclusive upper bound (default: the newest committed seq).</param>
    /// <returns>The page and whether more follow.</returns>
    public (IReadOnlyList<GameEvent> Events, bool HasMore) EventsAfter(Viewer viewer, long after, int limit, long? upTo = null)
    {
        lock (_gate)
        {
            var result = new List<GameEvent>(Math.Min(limit, 128));
            var committed = Math.Min(upTo ?? long.MaxValue, CommittedSeq);
            for (var i = FirstIndexAfter(after); i < _events.Count; i++)
            {
                var e = _events[i];
                if (e.Seq > committed)
                {
                    break;
                }

                if (!VisibilityRules.CanSee(viewer, e.Audience))
                {
                    continue;
                }

                if (result.Count == limit)
                {
                    return (result, true);
                }

                result.Add(e);
            }

            return (result, false);
        }
    }

    /// <summary>The newest <paramref name="count"/> committed events visible to the viewer, ascending.</summary>
    /// <param name="viewer">Who reads.</param>
    /// <param name="count">How many.</param>
    /// <param name="upTo">Inclusive upper bound (default: the newest committed seq).</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<GameEvent> NewestEvents(Viewer viewer, int count, long? upTo = null)
    {
        lock (_gate)
        {
            var result = new List<GameEvent>(count);
            var committed = Math.Min(upTo ?? long.MaxValue, CommittedSeq);
            for (var i = _events.Count - 1; i >= 0 && result.Count < count; i--)
            {
                var e = _events[i];
                if (e.Seq <= committed && VisibilityRules.CanSee(viewer, e.Audience))
                {
                    result.Add(e);
                }
            }

            result.Reverse();
            return result;
        }
    }

    /// <summary>The newest committed seq this viewer may see (0 when none).</summary>
    /// <param name="viewer">Who reads.</param>
    /// <param name="upTo">Inclusive upper bound (default: the newest committed seq).</param>
    /// <returns>The seq.</returns>
    public long NewestVisibleSeq(Viewer viewer, long? upTo = null)
    {
        lock (_gate)
        {
            var committed = Math.Min(upTo ?? long.MaxValue, CommittedSeq);
            for (var i = _events.Count - 1; i >= 0; i--)
            {
                var e = _events[i];
                if (e.Seq <= committed && VisibilityRules.CanSee(viewer, e.Audience))
                {
                    return e.Seq;
                }
            }

            return 0;
        }
    }

    /// <summary>What a socket's welcome carries for this viewer.</summary>
    /// <param name="viewer">Who connects.</param>
    /// <returns>Sheet (own seat only), roster and combat view.</returns>
    public WelcomeState Welcome(Viewer viewer)
    {
        lock (_gate)
        {
            Character? own = viewer.Role == Role.Player && _characters.TryGetValue(viewer.SeatId, out var c) ? EngineJson.Clone(c) : null;
            var party = _characterOrder.Select(id => RosterLine(viewer, _characters[id])).ToList();
            return new WelcomeState(own, party, CombatViewLocked(viewer));
        }
    }

    private int FirstIndexAfter(long after)
    {
        int lo = 0, hi = _events.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_events[mid].Seq <= after)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
