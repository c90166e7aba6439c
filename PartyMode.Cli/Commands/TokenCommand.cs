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
        return command.WithExamples(
            "partymode token show thorin     # Thorin's link and QR code again",
            "partymode token refresh thorin  # a new link for Thorin (the old one stops)",
            "partymode token kick vex        # revoke Vex's link and disconnect the phone");
    }
}
