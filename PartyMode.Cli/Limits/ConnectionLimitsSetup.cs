using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.Limits;

/// <summary>Registers the connection caps (docs/reliability.md §1) and logs what was derived.</summary>
internal static class ConnectionLimitsSetup
{
    /// <summary>Derives the caps from the options and the open-file limit; the caller puts the returned gate on its listener.</summary>
    public static ConnectionGate AddConnectionLimits(this IServiceCollection services, PartyServerOptions options, Serilog.ILogger log)
    {
        var limits = ConnectionLimits.Derive(options.MaxConnections, options.MaxConnectionsPerAddress, options.MaxObserversPerAddress, FileLimit.Current(), FileLimit.OpenNow());
        var gate = new ConnectionGate(limits, log, options.TimeProvider);
        services.AddSingleton(gate);
        services.AddSingleton(new ObserverSockets(limits, log, options.TimeProvider));
        services.AddSingleton(new LogBudget(LogBudget.DefaultPerMinute, options.TimeProvider));
        log.Information("Connection limit {Max} (open-file limit {Files}), {PerAddress} per address, {Observers} observer screens per address (0: no cap)",
            limits.MaxConnections, limits.FileLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", limits.PerAddress, limits.ObserversPerAddress);
        if (limits.Lowered(options.MaxConnections))
        {
            log.Warning("--max-connections {Requested} is above what the open-file limit {Files} allows; using {Max}", options.MaxConnections, limits.FileLimit, limits.MaxConnections);
        }

        return gate;
    }
}
