namespace PartyMode.Cli.Hosting;

/// <summary>The daemon cannot start; the message says what to do.</summary>
internal sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
