using System.CommandLine;

namespace PartyMode.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Not built yet.");
        command.SetAction(_ => CliApp.Failed);
        return command;
    }
}
