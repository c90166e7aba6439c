using System.Runtime.InteropServices;

namespace PartyMode.Bench;

/// <summary>Raises RLIMIT_NOFILE for this process: 10,000 client sockets need more than the usual 1,024.</summary>
internal static partial class NativeLimits
{
    private const int RlimitNofile = 7; // Linux

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRLimit(int resource, in RLimit limit);

    /// <summary>The open-file limit now in force (0 where unknown).</summary>
    public static ulong OpenFileLimit()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        return GetRLimit(RlimitNofile, out var l) == 0 ? l.Current : 0;
    }

    public static void RaiseOpenFileLimit(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || GetRLimit(RlimitNofile, out var l) != 0 || l.Current >= wanted)
        {
            return;
        }

        // Root may raise the hard limit too; others get as far as the hard limit allows.
        var raised = new RLimit { Current = wanted, Max = Math.Max(wanted, l.Max) };
        if (SetRLimit(RlimitNofile, raised) != 0)
        {
            raised = new RLimit { Current = Math.Min(wanted, l.Max), Max = l.Max };
            _ = SetRLimit(RlimitNofile, raised);
        }
    }
}
