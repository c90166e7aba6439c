using System.CommandLine;

namespace PartyMode.Cli.Commands;

internal static class McpCommand
{
    public static Command Create()
    {
        var command = new Command("mcp", "Not built yet.");
        command.SetAction(_ => CliApp.Failed);
        return command;
    }
}
