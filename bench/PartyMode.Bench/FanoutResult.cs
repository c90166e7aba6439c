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

    /// <summary>Server CPU (user + system) per round, both phases, in ms.</summary>
    public double ServerCpuMsPerRound { get; set; }

    /// <summary>This harness's CPU per round (the sockets' receive loops share the machine).</summary>
    public double ClientCpuMsPerRound { get; set; }

    public int Timeouts { get; set; }

    public int LostSockets { get; set; }

    public string? Error { get; set; }
}
