using System.Net;
using PartyMode.Cli.Security;

namespace PartyMode.Cli.Limits;

/// <summary>
/// Log lines one remote address may cause per calendar minute for refused requests: a player who sends
/// bad requests in a loop gets answers, but cannot fill the daemon's log (docs/reliability.md §4).
/// </summary>
internal sealed class LogBudget(int perMinute, TimeProvider time)
{
    public const int DefaultPerMinute = 30;
    private readonly MinuteCounts _counts = new(time);

    /// <summary>Takes one line from the address's budget.</summary>
    /// <returns><c>Log</c>: write the line; <c>LastLine</c>: write it and say the rest of the minute is not logged; <c>Skip</c>: write nothing.</returns>
    public LogBudgetAnswer Take(IPAddress? address)
    {
        if (address is null || ConnectionLimits.IsLocal(address))
        {
            return LogBudgetAnswer.Log;
        }

        var count = _counts.Add(address);
        return count < perMinute ? LogBudgetAnswer.Log : count == perMinute ? LogBudgetAnswer.LastLine : LogBudgetAnswer.Skip;
    }
}
