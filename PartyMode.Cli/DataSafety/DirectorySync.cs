using System.Runtime.InteropServices;

namespace PartyMode.Cli.DataSafety;

/// <summary>
/// Flushes a folder's own entries to the disk (fsync of the directory), so a file renamed into it is still
/// there after a power cut, not only its bytes. A no-op on Windows, where NTFS journals the rename itself.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(folder, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Could not open the folder {folder} to flush it to the disk (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Could not flush the folder {folder} to the disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
