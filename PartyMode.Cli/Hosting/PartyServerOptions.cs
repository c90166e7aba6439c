namespace PartyMode.Cli.Hosting;

/// <summary>How a <see cref="PartyServer"/> runs; <c>serve</c>'s options map onto these one to one.</summary>
internal sealed class PartyServerOptions
{
    /// <summary>The data folder (created if missing).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The address to listen on.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>Base URL for join links, overriding the detected LAN address.</summary>
    public string? PublicUrl { get; init; }

    /// <summary>A campaign JSON file to import into a new data folder; null means the demo campaign.</summary>
    public string? CampaignFile { get; init; }

    /// <summary>Allow the DM API from other machines.</summary>
    public bool AllowRemoteDm { get; init; }

    public int ActionRateCount { get; init; } = 10;

    public int ActionRateSeconds { get; init; } = 10;

    /// <summary>Dice rolls a player seat may make per <see cref="RollRateSeconds"/> (docs/protocol.md §7.1).</summary>
    public int RollRateCount { get; init; } = 20;

    public int RollRateSeconds { get; init; } = 10;

    /// <summary>Failed authentications a minute from one non-loopback address before 429.</summary>
    public int AuthFailLimit { get; init; } = 20;

    /// <summary>fsync every commit before it is acknowledged (power-loss durability, the default); off, commits reach the OS only (a crash still loses nothing).</summary>
    public bool FlushToDisk { get; init; } = true;

    /// <summary>Loopback is exempt from the failed-authentication limit (true in production; tests turn it off to exercise the limit).</summary>
    public bool ExemptLoopbackFromAuthLimit { get; init; } = true;

    /// <summary>Wipe the stored game first (<c>serve --reset</c>).</summary>
    public bool Reset { get; init; }

    /// <summary>The clock (tests pass a FakeTimeProvider).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Write logs to the console too (serve in a terminal); never in mcp mode.</summary>
    public bool ConsoleLogging { get; init; }

    /// <summary>Log at debug level too: every successful HTTP request gets a line.</summary>
    public bool Verbose { get; init; }

    /// <summary>TCP connections open at once; 0 derives it from the open-file limit (docs/reliability.md).</summary>
    public int MaxConnections { get; init; }

    /// <summary>TCP connections one remote address may hold; 0 for no cap.</summary>
    public int MaxConnectionsPerAddress { get; init; } = 128;

    /// <summary>Observer sockets one remote address may hold; 0 for no cap.</summary>
    public int MaxObserversPerAddress { get; init; } = 16;

    /// <summary>How long a connection may stay silent before its first request (or between requests) before it is closed.</summary>
    public TimeSpan IdleConnectionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a backup of the game is taken while it changes (docs/reliability.md §3); zero: at start only.</summary>
    public TimeSpan BackupInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Seed for dice (tests); null for a random seed.</summary>
    public int? DiceSeed { get; init; }

    /// <summary>The observer's TV lobby may show a join QR code per seat not yet connected (<c>serve --tv-join-codes</c>); off by default.</summary>
    public bool TvJoinCodes { get; init; }

    /// <summary>The largest handout image the DM may upload, in MB (<c>serve --max-handout-mb</c>; docs/protocol.md §9.1).</summary>
    public int MaxHandoutMb { get; init; } = 10;
}
