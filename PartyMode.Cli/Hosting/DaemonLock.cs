namespace PartyMode.Cli.Hosting;

/// <summary>
/// The exclusive lock that makes one daemon per data folder. LiteDB's own sharing does not stop a
/// second process on Linux; an exclusively opened file does (.NET takes an flock for FileShare.None).
/// </summary>
internal sealed class DaemonLock : IDisposable
{
    private readonly FileStream _stream;

    private DaemonLock(FileStream stream) => _stream = stream;

    public static DaemonLock Acquire(DataFolder folder)
    {
        try
        {
            var stream = new FileStream(folder.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return new DaemonLock(stream);
        }
        catch (IOException)
        {
            throw new DaemonAlreadyRunningException(folder.Root);
        }
    }

    public void Dispose() => _stream.Dispose();
}
