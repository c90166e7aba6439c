namespace PartyMode.Bench;

/// <summary>One fan-out scenario: per-round latencies in ms (warm-up rounds left out).</summary>
internal sealed class FanoutResult
{
    public int Sockets { get; set; }

    /// <summary>Resolve request sent → last socket holds its view (narrative, plus the private part for the actor).</summary>
    public List<double> ResolveMs { get; } = [];

    /// <summary>POST /api/actions sent → last socket holds the action event.</summary>
    public List<double> ActionMs { get; } = [];

    /// <summary>The resolve request's own response time.</summary>
    public List<double> ResolveHttpMs { get; } = [];

    /// <summary>Server CPU (user + system) over the measured rounds, both phases, in ms.</summary>
    public double ServerCpuMs { get; set; }

    /// <summary>This harness's CPU over the measured rounds (its receive loops share the machine).</summary>
    public double ClientCpuMs { get; set; }

    public double ServerCpuMsPerRound => ResolveMs.Count == 0 ? double.NaN : ServerCpuMs / ResolveMs.Count;

    public double ClientCpuMsPerRound => ResolveMs.Count == 0 ? double.NaN : ClientCpuMs / ResolveMs.Count;

    /// <summary>PartyMode's JIT time and GC pauses over the measured rounds, ms (null on the relays).</summary>
    public double? JitMs { get; set; }

    public double? GcPauseMs { get; set; }

    public long? GcCollections { get; set; }

    /// <summary>The mixed-traffic row's rolls and sheet changes: sent, refused or failed, and their response times.</summary>
    public int SideRequests { get; set; }

    public int SideFailures { get; set; }

    public List<double> SideMs { get; } = [];

    public int Timeouts { get; set; }

    /// <summary>Private parts that reached a socket other than the recipient's (the filter failed).</summary>
    public int PrivateLeaks { get; set; }

    public int LostSockets { get; set; }

    public string? Error { get; set; }
}
