using System.Diagnostics;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.DataSafety;

/// <summary>
/// The sentence for a data folder this user cannot write (docs/reliability.md §4), typically made once by
/// <c>sudo partymode serve</c>: whose it is, and the command that gives it back.
/// </summary>
internal static class FolderAccess
{
    public static StartupException Refused(DataFolder folder, Exception cause)
    {
        var me = Environment.UserName;
        var path = (cause as UnauthorizedAccessException)?.Message is { } m && m.Contains(folder.Root, StringComparison.Ordinal)
            ? ExtractPath(m, folder.Root)
            : folder.Root;
        var owner = OwnerOf(path) ?? OwnerOf(folder.Root);
        var whose = owner is null || owner == me ? "" : $" It belongs to {owner} (made by 'sudo partymode serve'?).";
        return new StartupException(
            $"You ({me}) cannot write {path}, in the data folder {folder.Root}.{whose} Give it back with: sudo chown -R {me} '{folder.Root}' (or pass another --data folder).");
    }

    private static string ExtractPath(string message, string root)
    {
        var start = message.IndexOf(root, StringComparison.Ordinal);
        var end = message.IndexOfAny(['\'', '"'], start);
        return end > start ? message[start..end] : root;
    }

    /// <summary>The owner's user name, asked of <c>stat</c> (no .NET API tells it); null where that fails.</summary>
    private static string? OwnerOf(string path)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return null;
        }

        try
        {
            var info = new ProcessStartInfo("stat") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in OperatingSystem.IsMacOS() ? new[] { "-f", "%Su", path } : ["-c", "%U", path])
            {
                info.ArgumentList.Add(arg);
            }

            using var stat = Process.Start(info);
            if (stat is null)
            {
                return null;
            }

            var name = stat.StandardOutput.ReadToEnd().Trim();
            return stat.WaitForExit(2000) && stat.ExitCode == 0 && name.Length > 0 ? name : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
