using System.Runtime.InteropServices;

namespace PartyMode.Cli.Limits;

/// <summary>The process's open-file limit (sockets count against it on Linux and macOS).</summary>
internal static class FileLimit
{
    /// <summary>The soft RLIMIT_NOFILE in force (the runtime raises it to the hard limit at start), or null where there is none (Windows) or it cannot be read.</summary>
    public static long? Current()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var resource = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 8 : 7;
            if (GetRLimit(resource, out var limit) != 0)
            {
                return null;
            }

            // RLIM_INFINITY (all bits set) reads as a negative number: no limit.
            return limit.Current is > 0 and < long.MaxValue ? (long)limit.Current : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Files this process holds open now (Linux and macOS), or 0 where that cannot be read.</summary>
    public static int OpenNow()
    {
        foreach (var folder in new[] { "/proc/self/fd", "/dev/fd" })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    return Directory.EnumerateFileSystemEntries(folder).Count();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }

        return 0;
    }

    // A plain DllImport: the struct is blittable, so no marshalling code (or unsafe blocks) is needed.
    [DllImport("libc", EntryPoint = "getrlimit")]
    private static extern int GetRLimit(int resource, out RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
