namespace PartyMode.Cli.DataSafety;

/// <summary>The game file is damaged or lost; the message names it and says what to do.</summary>
internal sealed class GameFileException : Exception
{
    public GameFileException(string message)
        : base(message)
    {
    }

    public GameFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
