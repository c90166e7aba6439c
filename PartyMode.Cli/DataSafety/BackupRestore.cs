using System.Globalization;

namespace PartyMode.Cli.DataSafety;

/// <summary>
/// Puts a backup in place of the game file, with no daemon running (the caller holds the daemon lock).
/// Nothing is deleted: the file it replaces, and its log, move to <c>DATA/damaged/</c>.
/// </summary>
internal static class BackupRestore
{
    /// <summary>Restores <paramref name="backup"/>; returns where the replaced file went (null when there was none).</summary>
    /// <exception cref="GameFileException">The backup itself cannot be read.</exception>
    public static string? Restore(DataFolder folder, BackupInfo backup, DateTimeOffset now)
    {
        try
        {
            GameFile.Probe(backup.Path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new GameFileException($"The backup {backup.Path} cannot be read either ({ex.Message.ReplaceLineEndings(" ")}); pick an older one from 'partymode backup list'.", ex);
        }

        var log = LogFileOf(folder.DataFile);
        string? keptAt = null;
        if (File.Exists(folder.DataFile) || File.Exists(log))
        {
            var damaged = Path.Combine(folder.Root, "damaged");
            DataFolder.CreatePrivateDirectory(damaged);
            var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            keptAt = Path.Combine(damaged, $"party-{stamp}.db");
            if (File.Exists(folder.DataFile))
            {
                File.Move(folder.DataFile, keptAt, overwrite: true);
            }

            if (File.Exists(log))
            {
                File.Move(log, LogFileOf(keptAt), overwrite: true);
            }
        }

        CopyDurably(backup.Path, folder.DataFile);
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
