using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyMode.Cli.Mcp;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode mcp</c>: the MCP server on stdin/stdout for an AI game master.</summary>
internal static class McpCommand
{
    public static Command Create()
    {
        var command = new Command("mcp", "Run the MCP server on stdin/stdout for an AI game master (e.g. claude mcp add partymode -- partymode mcp).");
        command.Subcommands.Add(McpInstallCommandsCommand.Create());
        command.SetAction(async (parse, ct) =>
        {
            var folder = CommonOptions.Folder(parse);
            try
            {
                folder.EnsureExists();
                using var host = McpServerHost.Build(new McpSettings { Folder = folder });
                host.Services.GetRequiredService<ILogger<McpSettings>>().LogInformation("MCP server for the data folder {Folder}", folder.Root);
                await host.RunAsync(ct);
                return CliApp.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Cannot use the data folder {folder.Root} ({e.Message}); pass a writable folder with --data.");
                return CliApp.Failed;
            }
        });
        return command;
    }
}
