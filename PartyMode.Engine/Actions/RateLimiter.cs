namespace PartyMode.Engine.Actions;

/// <summary>At most so many actions per seat in a sliding window.</summary>
internal sealed class RateLimiter(GameOptions options)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    public void Check(string seatId, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(seatId, out var window))
        {
            window = new Queue<DateTimeOffset>();
            _windows[seatId] = window;
        }

        while (window.Count > 0 && now - window.Peek() >= options.ActionRateWindow)
        {
            window.Dequeue();
        }

        if (window.Count >= options.ActionRateCount)
        {
            var wait = options.ActionRateWindow - (now - window.Peek());
            throw new GameException(ErrorKind.RateLimited, "rate_limited",
                $"Too many actions: at most {options.ActionRateCount} per {options.ActionRateWindow.TotalSeconds:0.#} s. Try again in {Math.Ceiling(wait.TotalSeconds):0} s.");
        }

        window.Enqueue(now);
    }
}
