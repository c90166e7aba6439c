using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Events;

/// <summary>
/// The game's history in seq order. Transactions append when they commit; reads stop at the
/// <see cref="CommitWatermark"/>, so a viewer never reads an event that is not durable yet.
/// </summary>
internal sealed class EventLog(CommitWatermark watermark)
{
    private readonly List<GameEvent> _events = [];

    /// <summary>The seq the next event gets.</summary>
    public long NextSeq { get; private set; } = 1;

    public long CommittedSeq => watermark.Seq;

    /// <summary>Loads stored events; the watermark starts at the newest.</summary>
    public void Restore(IEnumerable<GameEvent> stored)
    {
        _events.AddRange(stored.OrderBy(e => e.Seq));
        NextSeq = _events.Count == 0 ? 1 : _events[^1].Seq + 1;
        watermark.Advance(NextSeq - 1);
    }

    /// <summary>Appends a committed transaction's events (seqs from <see cref="NextSeq"/> on).</summary>
    public void Append(IReadOnlyList<GameEvent> events)
    {
        _events.AddRange(events);
        NextSeq += events.Count;
    }

    public (IReadOnlyList<GameEvent> Events, bool HasMore) After(Viewer viewer, long after, int limit, long? upTo)
    {
        var result = new List<GameEvent>(Math.Min(limit, 128));
        var committed = Bound(upTo);
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

    public IReadOnlyList<GameEvent> Newest(Viewer viewer, int count, long? upTo)
    {
        var result = new List<GameEvent>(count);
        var committed = Bound(upTo);
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

    public long NewestVisibleSeq(Viewer viewer, long? upTo)
    {
        var committed = Bound(upTo);
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

    /// <summary>The event with <paramref name="seq"/>, committed or not (for writes, under the lock); null when there is none.</summary>
    public GameEvent? Find(long seq)
    {
        var i = FirstIndexAfter(seq - 1);
        return i < _events.Count && _events[i].Seq == seq ? _events[i] : null;
    }

    /// <summary>The events after <paramref name="seq"/>, committed or not (for writes, under the lock).</summary>
    public IEnumerable<GameEvent> Following(long seq)
    {
        for (var i = FirstIndexAfter(seq); i < _events.Count; i++)
        {
            yield return _events[i];
        }
    }

    /// <summary>How many events of <paramref name="type"/> the log holds, committed or not (for writes, under the lock).</summary>
    public int CountOfType(string type) => _events.Count(e => e.Type == type);

    /// <summary>The newest event, committed or not (for writes, under the lock); null when the log is empty.</summary>
    public GameEvent? Last => _events.Count == 0 ? null : _events[^1];

    private long Bound(long? upTo) => Math.Min(upTo ?? long.MaxValue, watermark.Seq);

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
