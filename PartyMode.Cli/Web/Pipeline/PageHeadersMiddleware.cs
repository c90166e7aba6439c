namespace PartyMode.Cli.Web.Pipeline;

/// <summary>
/// Every answer outside <c>/api/</c> and <c>/ws</c> carries the page's security headers, the 401, 403,
/// 404 and 429 pages included (docs/reliability.md §4): the app's CSP, no framing, no sniffing, and no
/// Referer (join links carry tokens).
/// </summary>
internal sealed class PageHeadersMiddleware(RequestDelegate next)
{
    private const string Policy =
        "default-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.Ordinal) && !path.StartsWithSegments("/ws", StringComparison.Ordinal))
        {
            var headers = context.Response.Headers;
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers.ContentSecurityPolicy = Policy;
        }

        return next(context);
    }
}
