using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartyMode.Cli.Client;
using PartyMode.Cli.DataSafety;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode backup list</c>: the backups, newest first, with what each holds.</summary>
internal static class BackupListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List the backups of the game, newest first.");
        command.SetAction((parse, _) => CommandContext.RunAsync(parse, ExecuteAsync));
        return command;
    }

    private static async Task<int> ExecuteAsync(CommandContext context)
    {
        var backups = new GameBackups(context.Folder).List();
        var rows = backups.Select(b => (Backup: b, Summary: TryProbe(b.Path))).ToList();
        if (context.Json)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteStartArray("backups");
                foreach (var (b, s) in rows)
                {
                    w.WriteStartObject();
                    w.WriteString("name", b.Name);
                    w.WriteString("taken_at", b.TakenAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    w.WriteNumber("bytes", b.Bytes);
                    w.WriteBoolean("readable", s is not null);
                    if (s is not null)
                    {
                        w.WriteString("campaign", s.Campaign);
                        w.WriteNumber("events", s.Events);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            await context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n");
            return CliApp.Ok;
        }

        if (rows.Count == 0)
        {
            await context.Out.WriteLineAsync($"No backups in {context.Folder.Root} yet: the daemon takes one at every start and every few minutes of play.");
            return CliApp.Ok;
        }

        var table = new TextTable("NAME", "TAKEN (local time)", "SIZE", "EVENTS", "CAMPAIGN");
        foreach (var (b, s) in rows)
        {
            table.Add(b.Name, b.TakenAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                $"{b.Bytes / 1024.0:0} KiB", s?.Events.ToString(CultureInfo.InvariantCulture) ?? "unreadable", s?.Campaign ?? "");
        }

        await context.Out.WriteAsync(table.ToString());
        await context.Out.WriteLineAsync("Restore one with: partymode backup restore NAME (or latest), with the daemon stopped.");
        return CliApp.Ok;
    }

    private static GameFileSummary? TryProbe(string path)
    {
        try
        {
            return GameFile.Probe(path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
