namespace PartyMode.Bench;

/// <summary>One soak reading: minutes since start, RSS, open descriptors, GC heap (null without dotnet-counters).</summary>
internal sealed record SoakSample(double Minute, long RssBytes, int Fds, long? HeapBytes, long Accepted, long Resolved, long Errors, long? Timers = null);
