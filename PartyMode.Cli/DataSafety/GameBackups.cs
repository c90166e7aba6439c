using System.Globalization;

namespace PartyMode.Cli.DataSafety;

/// <summary>
/// The backups of a data folder (docs/reliability.md §3): consistent copies of the game file taken at
/// every start and every few minutes of play, the newest few kept. Taking one is the store's job (it
/// copies on its writer thread, between commits); this class names, lists and prunes them.
/// </summary>
internal sealed class GameBackups(DataFolder folder, int keep = GameBackups.DefaultKeep)
{
    public const int DefaultKeep = 8;
    private const string Prefix = "party-";
    private const string Stamp = "yyyyMMdd-HHmmss";

    public string Folder => Path.Combine(folder.Root, "backups");

    /// <summary>Backups, newest first.</summary>
    public IReadOnlyList<BackupInfo> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var found = new List<BackupInfo>();
        foreach (var path in Directory.EnumerateFiles(Folder, Prefix + "*.db"))
        {
            var name = Path.GetFileName(path);
            var stamp = name[Prefix.Length..^3];
            if (DateTime.TryParseExact(stamp, Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                found.Add(new BackupInfo(name, path, new DateTimeOffset(at, TimeSpan.Zero), new FileInfo(path).Length));
            }
        }

        return found.OrderByDescending(b => b.TakenAt).ThenByDescending(b => b.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Where a backup taken now goes (a name not taken yet); creates the folder owner-only.</summary>
    public string NextPath(DateTimeOffset now)
    {
        DataFolder.CreatePrivateDirectory(Folder);
        var path = Path.Combine(Folder, Prefix + now.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture) + ".db");
        // Two in the same second (a quick restart): the older one is replaced by the newer.
        return path;
    }

    /// <summary>Deletes all but the newest <c>keep</c> backups.</summary>
    public void Prune()
    {
        foreach (var old in List().Skip(keep))
        {
            File.Delete(old.Path);
        }
    }

    /// <summary>Finds a backup by name, or the newest for <c>latest</c>.</summary>
    public BackupInfo? Find(string nameOrLatest)
    {
        var all = List();
        if (string.Equals(nameOrLatest, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return all.Count > 0 ? all[0] : null;
        }

        var wanted = Path.GetFileName(nameOrLatest);
        return all.FirstOrDefault(b => string.Equals(b.Name, wanted, StringComparison.Ordinal)
            || string.Equals(b.Name, wanted + ".db", StringComparison.Ordinal));
    }

    /// <summary>True when this folder has held a game: its token key or a backup is there.</summary>
    public bool FolderHasHistory() => File.Exists(folder.KeyFile) || List().Count > 0;
}
