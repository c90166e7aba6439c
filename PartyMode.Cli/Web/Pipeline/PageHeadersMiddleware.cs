namespace PartyMode.Cli.Web.Pipeline;

/// <summary>
/// Every answer outside <c>/api/</c> and <c>/ws</c> carries the page's security headers, the 401, 403,
/// 404 and 429 pages included (docs/reliability.md §4): the app's CSP, no framing, no sniffing, and no
/// Referer (join links carry tokens).
/// </summary>
internal sealed class PageHeadersMiddleware(RequestDelegate next)
{
    // connect-src 'self' covers the page's own ws:/wss: origin; no inline style or script anywhere
    // (the app sets styles through the CSSOM only); media-src for the keep-awake video (docs/web-app.md).
    public const string Policy =
        "default-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; connect-src 'self'; style-src 'self'; script-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; manifest-src 'self'";

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
