using System.CommandLine;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode handout show</c>: images for the table (docs/protocol.md §9).</summary>
internal static class HandoutCommand
{
    public static Command Create()
    {
        var command = new Command("handout", "Show images (maps, letters, portraits) on the players' phones and the TV.");
        command.Subcommands.Add(HandoutShowCommand.Create());
        return command;
    }
}
