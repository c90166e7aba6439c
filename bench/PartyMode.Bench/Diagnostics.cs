namespace PartyMode.Bench;

/// <summary>PartyMode's GET /api/dm/diagnostics (absent on the relay).</summary>
internal sealed record Diagnostics(long GcHeapBytes, long ActiveTimers, long QueuedFrames, long CommittedChanges, long Transactions)
{
    /// <summary>Time the JIT spent compiling so far (all threads), ms; -1 on builds without it.</summary>
    public double JitMs { get; init; } = -1;

    public long GcCollections { get; init; } = -1;

    /// <summary>Total time the GC paused the process so far, ms.</summary>
    public double GcPauseMs { get; init; } = -1;
}
