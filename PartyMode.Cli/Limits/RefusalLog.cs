namespace PartyMode.Cli.Limits;

/// <summary>
/// One log line a minute at most for a kind of refusal, with how many were refused since the last
/// line: a flood of refused connections must not become a flood of log lines.
/// </summary>
internal sealed class RefusalLog(Serilog.ILogger log, TimeProvider time, string message)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly object _gate = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private long _suppressed;

    /// <summary>Counts one refusal; logs a line when a minute has passed since the last one.</summary>
    /// <returns>True when a line was written.</returns>
    public bool Refused()
    {
        long count;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _suppressed++;
            if (now - _last < Interval)
            {
                return false;
            }

            _last = now;
            count = _suppressed;
            _suppressed = 0;
        }

        log.Warning(message + " ({Count} refused since the last such line)", count);
        return true;
    }
}
