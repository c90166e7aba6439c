namespace PartyMode.Cli.Mcp;

/// <summary>The daemon could not be started or did not answer in time.</summary>
internal sealed class DaemonStartException : Exception
{
    public DaemonStartException()
    {
    }

    public DaemonStartException(string message)
        : base(message)
    {
    }

    public DaemonStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
