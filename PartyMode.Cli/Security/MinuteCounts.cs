using System.Collections.Concurrent;
using System.Net;

namespace PartyMode.Cli.Security;

/// <summary>How many times each remote address did something in the current calendar minute.</summary>
internal sealed class MinuteCounts(TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, (long Minute, int Count)> _counts = new();

    /// <summary>Counts one for <paramref name="address"/>; returns its count in this minute, this one included.</summary>
    public int Add(IPAddress address)
    {
        var minute = CurrentMinute();
        var entry = _counts.AddOrUpdate(address, (minute, 1), (_, e) => e.Minute == minute ? (minute, e.Count + 1) : (minute, 1));
        if (_counts.Count > 10_000)
        {
            // Forget old minutes so a scan of many addresses cannot grow this without bound.
            foreach (var (key, value) in _counts)
            {
                if (value.Minute != minute)
                {
                    _counts.TryRemove(key, out _);
                }
            }
        }

        return entry.Count;
    }

    /// <summary>The address's count in this minute.</summary>
    public int Count(IPAddress address) =>
        _counts.TryGetValue(address, out var entry) && entry.Minute == CurrentMinute() ? entry.Count : 0;

    private long CurrentMinute() => time.GetUtcNow().ToUnixTimeSeconds() / 60;
}
