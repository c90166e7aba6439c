using System.Globalization;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.DataSafety;

/// <summary>
/// Puts a backup in place of the game file, with no daemon running (the caller holds the daemon lock).
/// Nothing is deleted: the file it replaces, its log and its commit journal move to <c>DATA/damaged/</c>.
/// </summary>
internal static class BackupRestore
{
    /// <summary>Restores <paramref name="backup"/>; returns where the replaced file went (null when there was none).</summary>
    /// <exception cref="StartupException">The backup itself cannot be read.</exception>
    public static string? Restore(DataFolder folder, BackupInfo backup, DateTimeOffset now)
    {
        try
        {
            GameFile.Probe(backup.Path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new StartupException($"The backup {backup.Path} cannot be read either ({ex.Message.ReplaceLineEndings(" ")}); pick an older one from 'partymode backup list'.", ex);
        }

        var keptAt = MoveAside(folder, now);
        CopyDurably(backup.Path, folder.DataFile);
        return keptAt;
    }

    /// <summary>Moves the game file, its log and its journal to <c>DATA/damaged/</c>; returns the new path of the file (null when there was none).</summary>
    /// <remarks>The journal goes too: replayed over the restored backup it would bring back the game that was set aside.</remarks>
    public static string? MoveAside(DataFolder folder, DateTimeOffset now)
    {
        var log = LogFileOf(folder.DataFile);
        var journal = Storage.StoreFiles.JournalOf(folder.DataFile);
        if (!File.Exists(folder.DataFile) && !File.Exists(log) && !File.Exists(journal))
        {
            return null;
        }

        var damaged = Path.Combine(folder.Root, "damaged");
        DataFolder.CreatePrivateDirectory(damaged);
        var keptAt = Path.Combine(damaged, $"party-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.db");
        if (File.Exists(folder.DataFile))
        {
            File.Move(folder.DataFile, keptAt, overwrite: true);
        }

        if (File.Exists(log))
        {
            File.Move(log, LogFileOf(keptAt), overwrite: true);
        }

        if (File.Exists(journal))
        {
            File.Move(journal, Storage.StoreFiles.JournalOf(keptAt), overwrite: true);
        }

        return keptAt;
    }

    /// <summary>LiteDB's log beside a data file: <c>party.db</c> → <c>party-log.db</c>.</summary>
    public static string LogFileOf(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile)!, Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));

    /// <summary>Copies through a temp file flushed to the disk, then renames: the target is the old file or the whole new one, never half.</summary>
    public static void CopyDurably(string from, string to)
    {
        var temp = to + ".tmp";
        using (var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var target = OwnerOnly.Create(temp))
        {
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
        }

        File.Move(temp, to, overwrite: true);
    }
}
