using System.Collections.Concurrent;
using System.Net;

namespace PartyMode.Cli.Limits;

/// <summary>
/// Log lines one remote address may cause per calendar minute for refused requests: a player who sends
/// bad requests in a loop gets answers, but cannot fill the daemon's log (docs/reliability.md §4).
/// </summary>
internal sealed class LogBudget(int perMinute, TimeProvider time)
{
    public const int DefaultPerMinute = 30;
    private readonly ConcurrentDictionary<IPAddress, (long Minute, int Count)> _counts = new();

    /// <summary>Takes one line from the address's budget.</summary>
    /// <returns><c>Log</c>: write the line; <c>LastLine</c>: write it and say the rest of the minute is not logged; <c>Skip</c>: write nothing.</returns>
    public LogBudgetAnswer Take(IPAddress? address)
    {
        if (address is null || ConnectionLimits.IsLocal(address))
        {
            return LogBudgetAnswer.Log;
        }

        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var entry = _counts.AddOrUpdate(address, (minute, 1), (_, e) => e.Minute == minute ? (minute, e.Count + 1) : (minute, 1));
        if (_counts.Count > 10_000)
        {
            // A scan of many addresses must not grow this without bound.
            foreach (var (key, value) in _counts)
            {
                if (value.Minute != minute)
                {
                    _counts.TryRemove(key, out _);
                }
            }
        }

        return entry.Count < perMinute ? LogBudgetAnswer.Log : entry.Count == perMinute ? LogBudgetAnswer.LastLine : LogBudgetAnswer.Skip;
    }
}
