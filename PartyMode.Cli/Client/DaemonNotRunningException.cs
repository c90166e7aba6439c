namespace PartyMode.Cli.Client;

/// <summary>No daemon answers for the data folder (no daemon.json, a stale one, or no answer).</summary>
internal sealed class DaemonNotRunningException : Exception
{
    public DaemonNotRunningException()
    {
    }

    public DaemonNotRunningException(string message)
        : base(message)
    {
    }

    public DaemonNotRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
