namespace PartyMode.Cli.Mcp;

/// <summary>A tool argument the model got wrong; its message says how to call the tool instead.</summary>
internal sealed class ToolInputException : Exception
{
    public ToolInputException()
    {
    }

    public ToolInputException(string message)
        : base(message)
    {
    }

    public ToolInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
