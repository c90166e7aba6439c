using System.CommandLine;
using System.Globalization;
using PartyMode.Cli.DataSafety;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode backup restore NAME|latest</c>: a backup in place of the game file; the replaced file is kept.</summary>
internal static class BackupRestoreCommand
{
    private static readonly Argument<string> Name = new("NAME")
    {
        Description = "The backup's name from 'partymode backup list', or latest.",
    };

    public static Command Create()
    {
        var command = new Command("restore", "Put a backup in place of the game file (the daemon must be stopped; the file it replaces is kept in DATA/damaged/).");
        command.Arguments.Add(Name);
        command.SetAction((parse, _) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, parse.GetValue(Name)!)));
        return command;
    }

    private static async Task<int> ExecuteAsync(CommandContext context, string name)
    {
        var backups = new GameBackups(context.Folder);
        var backup = backups.Find(name);
        if (backup is null)
        {
            var all = backups.List();
            await context.Error.WriteLineAsync(all.Count == 0
                ? $"There are no backups in {backups.Folder}."
                : $"There is no backup '{name}': use latest or one of the names 'partymode backup list' shows (newest: {all[0].Name}).");
            return CliApp.Failed;
        }

        DaemonLock daemonLock;
        try
        {
            daemonLock = DaemonLock.Acquire(context.Folder);
        }
        catch (DaemonAlreadyRunningException)
        {
            await context.Error.WriteLineAsync($"The daemon is running on {context.Folder.Root}: stop it with 'partymode stop', then restore.");
            return CliApp.Failed;
        }

        using (daemonLock)
        {
            try
            {
                var kept = BackupRestore.Restore(context.Folder, backup, DateTimeOffset.UtcNow);
                var summary = GameFile.Probe(context.Folder.DataFile);
                await context.Out.WriteLineAsync(
                    $"Restored the game as it was at {backup.TakenAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} ({summary.Events} events) from {backup.Name}."
                    + (kept is null ? "" : $" The file it replaced is kept as {kept}.")
                    + " Start the game again with: partymode serve");
                return CliApp.Ok;
            }
            catch (StartupException ex)
            {
                await context.Error.WriteLineAsync(ex.Message);
                return CliApp.Failed;
            }
        }
    }
}
