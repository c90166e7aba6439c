using Serilog;
using Serilog.Events;

namespace PartyMode.Cli.Hosting;

/// <summary>Serilog set-up: a rolling file under DATA/logs/, and the console (stderr in mcp mode) when asked.</summary>
internal static class Logs
{
    public static Serilog.Core.Logger Create(DataFolder folder, bool console, string fileStem = "partymode", bool verbose = false)
    {
        DataFolder.CreatePrivateDirectory(folder.LogFolder);
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            // ASP.NET Core's own request lines print query strings (/play?token=…): keep them out.
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Warning)
            // A start-up failure (port in use…) becomes one clear sentence from the serve command, not a stack trace.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            // Sinks write on a background thread: a request or the store writer never waits for a log line.
            .WriteTo.Async(sinks =>
            {
                sinks.File(
                    Path.Combine(folder.LogFolder, fileStem + "-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}");
                if (console)
                {
                    // The console is the DM's screen under the banner: only what needs them (warnings, errors) unless
                    // --verbose; routine lines (sockets opening and closing, refused requests) stay in the file.
                    sinks.Console(
                        outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                        restrictedToMinimumLevel: verbose ? LogEventLevel.Debug : LogEventLevel.Warning,
                        standardErrorFromLevel: LogEventLevel.Verbose);
                }
            });
        return config.CreateLogger();
    }
}
