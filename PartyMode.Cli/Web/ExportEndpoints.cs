using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Export;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web;

/// <summary>The story book (docs/protocol.md §10.1): <c>GET /api/export</c> for any seat, and the DM's session break.</summary>
internal static class ExportEndpoints
{
    public static IServiceCollection AddExport(this IServiceCollection services) => services.AddSingleton<IHandoutImages, HandoutImages>();

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export", Export).WithMetadata(new RequireRole(Role.Dm, Role.Player, Role.Observer));
        app.MapPost("/api/dm/sessions/break", BreakAsync).WithMetadata(new RequireRole(Role.Dm));
        return app;
    }

    private static IResult Export(HttpContext context, [FromServices] Game game, [FromServices] IHandoutImages images, [FromServices] CountingTimeProvider clock)
    {
        var format = StoryExport.Format(context.Request.Query["format"].ToString());
        var viewer = AsViewer(context, game);
        var session = Session(context);
        var text = StoryExport.Render(StoryExport.Build(game, viewer, session, images, clock), format);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{StoryExport.FileName(game, viewer, session, format)}\"";
        return Results.Text(text, StoryExport.ContentType(format));
    }

    private static async Task<IResult> BreakAsync([FromServices] Game game)
    {
        var e = await game.Sessions.BreakAsync();
        return Wire.Json(w =>
        {
            w.WriteNumber("session", game.Sessions.Current);
            w.WritePropertyName("event");
            w.WriteRawValue(Protocol.EventJson.Bytes(e), skipInputValidation: true);
        });
    }

    /// <summary>The viewer, or with <c>?as=SEAT</c> (DM only) the seat the DM exports for.</summary>
    private static Viewer AsViewer(HttpContext context, Game game) => PlayerEndpoints.AsViewer(
        context, game, "Only the DM may export another seat's story; leave out 'as' for your own.", " 'as' takes a player id, observer or dm.");

    private static int? Session(HttpContext context)
    {
        var text = context.Request.Query["session"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new GameException(ErrorKind.BadRequest, "bad_request", "'session' must be a session number (1 or more).");
    }
}
