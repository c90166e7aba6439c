using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace PartyMode.Cli.Mcp;

/// <summary>Builds the MCP server host: tools and prompts over stdio (or given streams); logs never touch stdout.</summary>
internal static class McpServerHost
{
    /// <param name="settings">The data folder and launch command.</param>
    /// <param name="input">Streams for tests; null means stdin/stdout.</param>
    /// <param name="output">Streams for tests; null means stdin/stdout.</param>
    /// <param name="logToStderr">Mirror the log to stderr (the real <c>partymode mcp</c>).</param>
    public static IHost Build(McpSettings settings, Stream? input = null, Stream? output = null, bool logToStderr = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });

        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(CreateLogger(settings, logToStderr), dispose: true);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<DaemonAccess>();
        builder.Services.AddSingleton<DaemonLauncher>();

        var mcp = builder.Services.AddMcpServer(options =>
        {
            options.ServerInfo = new() { Name = "partymode", Version = typeof(McpServerHost).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" };
            options.ServerInstructions =
                "Party Mode lets players play a tabletop game from their phones while you act as the game master. "
                + "Start with start_party_mode; read the story so far with party_get_story; take player actions with party_pop_action and answer each with party_resolve_action. "
                + PlayerText.Rule;
        });
        if (input is not null && output is not null)
        {
            mcp.WithStreamServerTransport(input, output);
        }
        else
        {
            mcp.WithStdioServerTransport();
        }

        mcp.WithTools<PartyLifecycleTools>()
            .WithTools<ActionTools>()
            .WithTools<SeatTools>()
            .WithTools<CampaignTools>()
            .WithTools<CombatTools>()
            .WithTools<StoryTools>()
            .WithTools<RollTools>()
            .WithTools<ExportTools>()
            .WithTools<HandoutTools>()
            .WithPrompts<PartyPrompts>()
            .WithPartyModeFilters()
            .WithPartyModeTable();
        return builder.Build();
    }

    private static Serilog.Core.Logger CreateLogger(McpSettings settings, bool logToStderr)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Information()
            // The SDK logs message payloads at debug level; those carry join links (tokens).
            .MinimumLevel.Override("ModelContextProtocol", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning);
        if (logToStderr)
        {
            config.WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose);
        }

        try
        {
            DataFolder.CreatePrivateDirectory(settings.Folder.LogFolder);
            config.WriteTo.File(Path.Combine(settings.Folder.LogFolder, "mcp-.log"), rollingInterval: RollingInterval.Day, shared: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No log file (read-only folder): stderr still has the log.
        }

        return config.CreateLogger();
    }
}
