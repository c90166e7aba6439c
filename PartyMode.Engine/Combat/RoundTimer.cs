namespace PartyMode.Engine.Combat;

/// <summary>The one timer of an open simultaneous round's deadline; it calls back on a timer thread.</summary>
internal sealed class RoundTimer(TimeProvider time, Action<SimultaneousRound> due) : IDisposable
{
    private readonly Action<SimultaneousRound> _due = due;
    private ITimer? _timer;

    /// <summary>Arms the deadline of <paramref name="round"/>; one already past fires at once.</summary>
    public void Arm(SimultaneousRound round)
    {
        _timer?.Dispose();
        var wait = round.Deadline - time.GetUtcNow();
        _timer = time.CreateTimer(
            static s =>
            {
                var (timer, r) = ((RoundTimer, SimultaneousRound))s!;
                timer._due(r);
            },
            (this, round),
            wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
