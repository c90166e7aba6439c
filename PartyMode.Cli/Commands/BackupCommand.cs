using System.CommandLine;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode backup list|restore</c>: the automatic backups of the game file.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var command = new Command("backup", "List the automatic backups of the game, or restore one.");
        command.Subcommands.Add(BackupListCommand.Create());
        command.Subcommands.Add(BackupRestoreCommand.Create());
        return command;
    }
}
