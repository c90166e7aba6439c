namespace PartyMode.Bench;

/// <summary>Everything measured on one target (PartyMode or the Node relay).</summary>
internal sealed class TargetResults(string name)
{
    public string Name { get; } = name;

    /// <summary>Why the target was not measured at all (null when it was).</summary>
    public string? Skipped { get; set; }

    /// <summary>12 players, the first rounds after the server started (JIT still warming up).</summary>
    public FanoutResult? PlayersCold { get; set; }

    /// <summary>12 players after the warm-up: the figure with the pass line.</summary>
    public FanoutResult? Players { get; set; }

    public FanoutResult? MidAudience { get; set; }

    public FanoutResult? LargeAudience { get; set; }

    /// <summary>The mid audience while two other players roll and change sheets each round.</summary>
    public FanoutResult? Mixed { get; set; }

    /// <summary>One 1 MB handout shown to the mid audience and fetched by every observer.</summary>
    public HandoutResult? Handout { get; set; }

    public int LargeObservers { get; set; }

    public ConnectResult? Connect { get; set; }

    /// <summary>Sockets the server reported open (all seats) after the large audience joined and idled.</summary>
    public int HeldSockets { get; set; }

    public long RssBefore { get; set; }

    public long RssIdle { get; set; }

    public int FdsIdle { get; set; }

    public Dictionary<int, IntakeResult> Intake { get; } = [];

    /// <summary>Intake with <c>serve --no-fsync</c> (PartyMode only): commits reach the OS but are not flushed to the disk.</summary>
    public Dictionary<int, IntakeResult> IntakeNoFsync { get; } = [];

    public Dictionary<string, (double Median, double Min, int Runs)?> Startup { get; } = [];

    public List<string> Errors { get; } = [];
}
