using System.CommandLine;

namespace PartyMode.Cli.Commands;

internal static class StopCommand
{
    public static Command Create()
    {
        var command = new Command("stop", "Not built yet.");
        command.SetAction(_ => CliApp.Failed);
        return command;
    }
}
