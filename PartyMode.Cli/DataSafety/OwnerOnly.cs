using System.Runtime.InteropServices;

namespace PartyMode.Cli.DataSafety;

/// <summary>
/// Every file of a data folder is for its owner only (docs/reliability.md §5): the game holds DM
/// notes, secret backgrounds and whispers, and the token key.
/// </summary>
internal static class OwnerOnly
{
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Sets the process's umask to 077, so files created later by libraries too (LiteDB's data and log
    /// files, log rolls) are owner-only from their first byte.
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            _ = SetUmask(0b000_111_111);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without it, Tighten below still fixes the files at start.
        }
    }

    /// <summary>Makes every file below <paramref name="root"/> 0600 and every folder 0700 (files a user or an older version left readable).</summary>
    /// <returns>How many entries were tightened.</returns>
    public static int Tighten(string root)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(root))
        {
            return 0;
        }

        var changed = 0;
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(root)))
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var wanted = entry is DirectoryInfo ? File0600 | UnixFileMode.UserExecute : File0600;
            if ((entry.UnixFileMode & ~wanted) != 0)
            {
                try
                {
                    entry.UnixFileMode &= wanted;
                    changed++;
                }
                catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
                {
                    // Not ours to change; the folder's own check reports an unwritable folder.
                }
            }
        }

        return changed;
    }

    /// <summary>Creates (or truncates) a file that is owner-only from the start.</summary>
    public static FileStream Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write);
        }

        var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = File0600 });
        File.SetUnixFileMode(path, File0600);
        return stream;
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
}
