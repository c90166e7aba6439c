using System.Collections.Concurrent;
using System.Net;

namespace PartyMode.Cli.Security;

/// <summary>Counts failed authentications per non-loopback address per minute (docs/protocol.md §3.1 brute-force limit).</summary>
internal sealed class AuthFailures(int limit, TimeProvider time, bool exemptLoopback = true)
{
    private readonly ConcurrentDictionary<IPAddress, (long Minute, int Count)> _counts = new();

    public bool IsBlocked(IPAddress? address)
    {
        if (address is null || (exemptLoopback && IPAddress.IsLoopback(address)))
        {
            return false;
        }

        var minute = CurrentMinute();
        return _counts.TryGetValue(address, out var entry) && entry.Minute == minute && entry.Count > limit;
    }

    public void RecordFailure(IPAddress? address)
    {
        if (address is null || (exemptLoopback && IPAddress.IsLoopback(address)))
        {
            return;
        }

        var minute = CurrentMinute();
        _counts.AddOrUpdate(address, (minute, 1), (_, e) => e.Minute == minute ? (minute, e.Count + 1) : (minute, 1));
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
    }

    private long CurrentMinute() => time.GetUtcNow().ToUnixTimeSeconds() / 60;
}
