using System.CommandLine;

namespace PartyMode.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Not built yet.");
        command.SetAction(_ => CliApp.Failed);
        return command;
    }
}
