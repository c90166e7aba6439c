using System.CommandLine;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode token show|refresh|kick</c>: join links and seat tokens.</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var command = new Command("token", "Show, refresh or revoke the seats' join links.");
        command.Subcommands.Add(TokenShowCommand.Create());
        command.Subcommands.Add(TokenRefreshCommand.Create());
        command.Subcommands.Add(TokenKickCommand.Create());
        return command;
    }
}
