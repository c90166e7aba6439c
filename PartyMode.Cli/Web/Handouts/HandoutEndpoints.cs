using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Handouts;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Handouts;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Handouts;

/// <summary>
/// Handouts (docs/protocol.md §9): the DM uploads an image, shows it to an audience and puts it on the TV;
/// every seat lists what it was shown and fetches those images, and only those.
/// </summary>
internal static class HandoutEndpoints
{
    public static IServiceCollection AddHandouts(this IServiceCollection services, int maxHandoutMb) => services
        .AddSingleton(new HandoutSettings(maxHandoutMb * 1024L * 1024L))
        .AddSingleton<HandoutFiles>()
        // At least two of the largest images allowed, so the one on screen stays while another is shown.
        .AddSingleton(sp => new HandoutImageCache(sp.GetRequiredService<HandoutFiles>(), Math.Max(64L, 2L * maxHandoutMb) * 1024 * 1024));

    public static IEndpointRouteBuilder MapHandouts(this IEndpointRouteBuilder app)
    {
        var any = new RequireRole(Role.Player, Role.Observer, Role.Dm);
        app.MapGet("/api/handouts", List).WithMetadata(any);
        app.MapGet("/api/handouts/{id}/image", Image).WithMetadata(any);
        var dm = app.MapGroup("/api/dm").WithMetadata(new RequireRole(Role.Dm));
        dm.MapPost("/handouts", UploadAsync);
        dm.MapPost("/handouts/{id}/show", ShowAsync);
        dm.MapPost("/tv", TvAsync);
        return app;
    }

    /// <summary>201 with the new record; 200 with the first one for the same content and title.</summary>
    private static async Task<IResult> UploadAsync(HttpContext context, [FromServices] Game game, [FromServices] HandoutFiles files, [FromServices] HandoutSettings settings)
    {
        // The title is checked before a byte of the body is read.
        var title = GameHandouts.CheckTitle(context.Request.Query["title"].ToString());
        var (data, sniffed) = await HandoutUpload.ReadAsync(context, settings);
        // Durable on disk before the record is committed, so an acknowledged handout always has its image.
        var image = files.Store(data, sniffed);
        var (handout, created) = await game.Handouts.AddAsync(title, image);
        return Wire.Json(w =>
        {
            w.WritePropertyName("handout");
            HandoutJson.WriteHandout(w, handout);
        }, created ? 201 : 200);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var e = await game.Handouts.ShowAsync(id, HandoutAudience.From(body["audience"]), body.String("text"));
        return Wire.Json(w =>
        {
            w.WritePropertyName("event");
            w.WriteRawValue(EventJson.Bytes(e), skipInputValidation: true);
        });
    }

    private static async Task<IResult> TvAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var id = body.String("handout_id");
        var clear = body["clear"] is not null && body.Bool("clear");
        if ((id is null) == !clear)
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request",
                "Send {\"handout_id\":\"ho_000001\"} to show a handout on the TV, or {\"clear\":true} to show the story again (not both).");
        }

        var shown = id is null ? (await game.Handouts.ClearTvAsync()).Handout : await game.Handouts.SetTvAsync(id);
        return Wire.Json(w =>
        {
            w.WritePropertyName("tv");
            HandoutJson.WriteTvSlot(w, shown);
        });
    }

    private static IResult List(HttpContext context, [FromServices] Game game)
    {
        var viewer = PlayerEndpoints.AsViewer(context, game, "Only the DM may list another seat's handouts.", "");
        var entries = game.Handouts.List(viewer);
        return Wire.Json(w =>
        {
            w.WriteStartArray("handouts");
            foreach (var entry in entries)
            {
                HandoutJson.WriteEntry(w, entry);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>The bytes, only for a seat a <c>handout</c> event for it reached (the DM: any); anyone else gets the 404 of an unknown id.</summary>
    private static IResult Image(HttpContext context, [FromServices] Game game, [FromServices] HandoutImageCache images, string id)
    {
        var viewer = PlayerEndpoints.AsViewer(context, game, "Only the DM may fetch an image as another seat.", "");
        var handout = game.Handouts.ImageFor(viewer, id) ?? throw new GameException(ErrorKind.NotFound, "not_found", $"No handout '{id}'.");
        var bytes = images.Get(handout)
            ?? throw new GameException(ErrorKind.NotFound, "not_found", $"The image of handout '{id}' is missing from the data folder's handouts/; upload it again.");
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Content-addressed and per seat: the browser may keep it, no shared cache may.
        headers.CacheControl = "private, max-age=31536000, immutable";
        headers.ETag = $"\"{handout.Sha256}\"";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.Bytes(bytes, handout.Type);
    }
}
