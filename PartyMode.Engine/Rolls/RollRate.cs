namespace PartyMode.Engine.Rolls;

/// <summary>The rolls' own rate limit: at most so many per seat in a sliding window (docs/protocol.md §7.1).</summary>
internal sealed class RollRate(int count, TimeSpan window)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    public void Check(string seatId, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(seatId, out var times))
        {
            times = new Queue<DateTimeOffset>();
            _windows[seatId] = times;
        }

        while (times.Count > 0 && now - times.Peek() >= window)
        {
            times.Dequeue();
        }

        if (times.Count >= count)
        {
            var wait = window - (now - times.Peek());
            throw new GameException(ErrorKind.RateLimited, "rate_limited",
                $"Too many rolls: at most {count} per {window.TotalSeconds:0.#} s. Try again in {Math.Ceiling(wait.TotalSeconds):0} s.");
        }

        times.Enqueue(now);
    }
}
