using System.Net;

namespace PartyMode.Cli.Client;

/// <summary>An error answer of the DM API (<c>{"error":{"code","message"}}</c>).</summary>
internal sealed class DaemonApiException : Exception
{
    public DaemonApiException()
    {
        Code = "error";
    }

    public DaemonApiException(string message)
        : base(message)
    {
        Code = "error";
    }

    public DaemonApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "error";
    }

    public DaemonApiException(HttpStatusCode status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    /// <summary>The contract's error code, for example <c>not_found</c> or <c>bad_dice</c>.</summary>
    public string Code { get; }

    public HttpStatusCode Status { get; }
}
