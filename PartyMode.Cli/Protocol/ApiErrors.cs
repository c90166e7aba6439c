using PartyMode.Engine;

namespace PartyMode.Cli.Protocol;

/// <summary>Errors as docs/protocol.md §3.3 shapes them: <c>{"error":{"code","message"}}</c>.</summary>
internal static class ApiErrors
{
    public static async Task Write(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(Protocol.Frames.Write(w =>
        {
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        }));
    }

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest => 400,
        ErrorKind.Forbidden => 403,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.TooLarge => 413,
        ErrorKind.UnsupportedMedia => 415,
        ErrorKind.RateLimited => 429,
        _ => 503,
    };
}
