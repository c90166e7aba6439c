using System.Globalization;
using System.Runtime.InteropServices;

namespace PartyMode.Cli.Hosting;

/// <summary>
/// The exclusive lock that makes one daemon per data folder. LiteDB's own sharing does not stop a
/// second process on Linux; an exclusively opened file does (.NET takes an flock for FileShare.None).
/// The file holds the holder's pid.
/// </summary>
internal sealed class DaemonLock : IDisposable
{
    // An offline token command, or a daemon that is starting or stopping, lets go within moments.
    private static readonly TimeSpan HolderGrace = TimeSpan.FromSeconds(5);

    private readonly FileStream _stream;

    private DaemonLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Takes the lock; waits a few seconds while a short-lived holder (an offline command, a daemon that
    /// is starting or stopping) has it, and throws <see cref="DaemonAlreadyRunningException"/> at once
    /// when a serving daemon (the pid of daemon.json) or this process holds it.
    /// </summary>
    public static DaemonLock Acquire(DataFolder folder)
    {
        var deadline = DateTime.UtcNow + HolderGrace;
        while (true)
        {
            if (TryAcquire(folder) is { } acquired)
            {
                return acquired;
            }

            if (DateTime.UtcNow >= deadline || !MayLetGoSoon(folder))
            {
                throw new DaemonAlreadyRunningException(folder.Root);
            }

            // .NET offers no lock wait with a time-out on a file: poll until the holder lets go or the grace ends.
            Thread.Sleep(50);
        }
    }

    /// <summary>True when some process holds the lock now (the check takes it for an instant, so a starting daemon retries).</summary>
    public static bool IsHeld(DataFolder folder)
    {
        try
        {
            // Opened without truncating: the holder's pid stays in the file.
            using var probe = new FileStream(folder.LockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>The pid written by the holder; null when there is none or it cannot be read (on Windows a held file cannot be opened).</summary>
    public static int? HolderPid(DataFolder folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // A plain open(2): .NET's FileStream would ask for a shared flock, which the holder's exclusive one refuses.
        var fd = Open(folder.LockFile, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            var buffer = new byte[32];
            var read = Read(fd, buffer, buffer.Length);
            if (read <= 0)
            {
                return null;
            }

            var text = System.Text.Encoding.ASCII.GetString(buffer, 0, (int)read).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    public void Dispose() => _stream.Dispose();

    private static DaemonLock? TryAcquire(DataFolder folder)
    {
        try
        {
            var stream = new FileStream(folder.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            stream.Flush();
            return new DaemonLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Waiting helps unless the holder is this process or the serving daemon named in daemon.json.
    private static bool MayLetGoSoon(DataFolder folder)
    {
        var holder = HolderPid(folder);
        if (holder is null)
        {
            return true;
        }

        if (holder == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            return DaemonInfo.Read(folder)?.Pid != holder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "read")]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
