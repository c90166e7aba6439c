using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Security;
using PartyMode.Engine;

namespace PartyMode.Cli.Web;

/// <summary>The anonymous routes: <c>/healthz</c>, <c>/</c>, <c>/play</c> (checks its own token) and <c>/static/…</c> from the binary.</summary>
internal static class PageEndpoints
{
    private static readonly Assembly Resources = typeof(PageEndpoints).Assembly;

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Wire.Json(w => w.WriteString("status", "ok")));
        app.MapGet("/", (HttpContext c) => Embedded(c, "index.html"));
        app.MapGet("/play", Play);
        app.MapGet("/static/{**path}", (HttpContext c, string path) => Embedded(c, path));
        app.MapGet("/favicon.ico", (HttpContext c) => Embedded(c, "icon.svg"));
        app.MapGet("/manifest.webmanifest", (HttpContext c) => Embedded(c, "manifest.webmanifest"));
        return app;
    }

    private static IResult Play(HttpContext context, [FromServices] Game game, [FromServices] AuthFailures authFailures)
    {
        context.Response.Headers.CacheControl = "no-store";
        var token = context.Request.Query["token"].ToString();
        if (token.Length > 0)
        {
            if (authFailures.IsBlocked(context.Connection.RemoteIpAddress))
            {
                return Results.Content(PlainPage("Too many tries", "Too many wrong links came from this device. Wait a minute and try again."), "text/html; charset=utf-8", statusCode: 429);
            }

            var result = game.Authenticate(token);
            if (result.Status != AuthStatus.Ok)
            {
                authFailures.RecordFailure(context.Connection.RemoteIpAddress);
                var kicked = result.Status == AuthStatus.Kicked;
                return Results.Content(
                    PlainPage(kicked ? "The DM removed you from this game" : "This link does not work",
                        kicked ? "The game master removed this seat. Ask them for a new link if that was a mistake."
                               : "The link is wrong or out of date: the game master may have made a new one. Ask them for a new link or QR code."),
                    "text/html; charset=utf-8", statusCode: kicked ? 403 : 401);
            }
        }

        return Embedded(context, "play.html");
    }

    private static IResult Embedded(HttpContext context, string path)
    {
        var stream = path.Contains("..", StringComparison.Ordinal) ? null : Resources.GetManifestResourceStream("static/" + path);
        if (stream is null)
        {
            return Results.Content(PlainPage("Not found", "There is no such page."), "text/html; charset=utf-8", statusCode: 404);
        }

        return Results.Stream(stream, ContentType(path));
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".webmanifest" => "application/manifest+json",
        ".json" => "application/json",
        ".mp4" => "video/mp4",
        ".webm" => "video/webm",
        _ => "application/octet-stream",
    };

    // No inline style (the CSP has no 'unsafe-inline'): the page links its own small stylesheet and offers the way back.
    private static string PlainPage(string title, string text) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{title} · PartyMode</title>"
        + "<meta name=\"color-scheme\" content=\"dark light\"><link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/static/plain.css\"></head>"
        + $"<body class=\"plain\"><main><h1>{title}</h1><p>{text}</p><p><a class=\"btn\" href=\"/\" data-testid=\"back-home\">Enter a join link</a></p></main></body></html>";
}
