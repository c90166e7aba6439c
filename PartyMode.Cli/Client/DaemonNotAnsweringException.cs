namespace PartyMode.Cli.Client;

/// <summary>A process holds the data folder's lock but its daemon does not answer (frozen, or stuck starting or stopping).</summary>
internal sealed class DaemonNotAnsweringException : Exception
{
    public DaemonNotAnsweringException()
    {
    }

    public DaemonNotAnsweringException(string message)
        : base(message)
    {
    }

    public DaemonNotAnsweringException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DaemonNotAnsweringException(DataFolder folder, int? pid)
        : base(Sentence(folder, pid))
    {
        Pid = pid;
    }

    /// <summary>The holder's pid, when known.</summary>
    public int? Pid { get; }

    /// <summary>The one sentence every command gives for a daemon that holds the folder but does not answer.</summary>
    public static string Sentence(DataFolder folder, int? pid) => pid is { } id
        ? $"Party Mode (pid {id}) holds the data folder {folder.Root} but does not answer: if it was paused, resume it with 'kill -CONT {id}'; otherwise end it with 'kill {id}' and start it again."
        : $"A Party Mode process holds the data folder {folder.Root} but does not answer: resume it if it was paused, otherwise end it and start it again.";
}
