using System.CommandLine;

namespace PartyMode.Cli.Commands;

internal static class TokenCommand
{
    public static Command Create()
    {
        var command = new Command("token", "Not built yet.");
        command.SetAction(_ => CliApp.Failed);
        return command;
    }
}
