namespace PartyMode.Cli.Web.Pipeline;

/// <summary>
/// Every <c>/api/</c> answer is <c>Cache-Control: no-store</c>: seats, tokens, sheets and events must not
/// stay in a browser's or a proxy's cache (docs/reliability.md §4).
/// </summary>
internal sealed class NoStoreMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.Headers.CacheControl = "no-store";
        }

        return next(context);
    }
}
