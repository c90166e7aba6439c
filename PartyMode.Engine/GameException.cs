namespace PartyMode.Engine;

/// <summary>A refused operation with a wire error code and a sentence that says what to do.</summary>
public sealed class GameException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The class of error.</param>
    /// <param name="code">The wire code, e.g. <c>not_your_turn</c>.</param>
    /// <param name="message">A sentence for people.</param>
    public GameException(ErrorKind kind, string code, string message)
        : base(message)
    {
        Kind = kind;
        Code = code;
    }

    /// <summary>The class of error.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The wire code.</summary>
    public string Code { get; }

    internal static GameException BadRequest(string code, string message) => new(ErrorKind.BadRequest, code, message);

    internal static GameException Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    internal static GameException NotFound(string what, string id) => new(ErrorKind.NotFound, "not_found", $"No {what} '{id}'.");

    internal static GameException Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);
}
