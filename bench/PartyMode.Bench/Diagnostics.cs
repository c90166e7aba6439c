namespace PartyMode.Bench;

/// <summary>PartyMode's GET /api/dm/diagnostics (absent on the relay).</summary>
internal sealed record Diagnostics(long GcHeapBytes, long ActiveTimers, long QueuedFrames, long CommittedChanges, long Transactions);
