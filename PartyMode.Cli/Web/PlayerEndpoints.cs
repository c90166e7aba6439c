using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web;

/// <summary>The API every seat uses (docs/protocol.md §3.6).</summary>
internal static class PlayerEndpoints
{
    public static IEndpointRouteBuilder MapPlayerApi(this IEndpointRouteBuilder app)
    {
        var any = new RequireRole(Role.Dm, Role.Player, Role.Observer);
        var playerOrDm = new RequireRole(Role.Dm, Role.Player);
        app.MapGet("/api/session", Session).WithMetadata(any);
        app.MapPost("/api/actions", SubmitAsync).WithMetadata(new RequireRole(Role.Player));
        app.MapGet("/api/actions/{id}", (HttpContext c, [FromServices] Game game, string id) => Wire.Action(game.GetAction(TokenAuthMiddleware.ViewerOf(c), id))).WithMetadata(playerOrDm);
        app.MapGet("/api/characters/{id}", (HttpContext c, [FromServices] Game game, string id) => Wire.Object("character", game.GetCharacter(TokenAuthMiddleware.ViewerOf(c), id))).WithMetadata(playerOrDm);
        app.MapGet("/api/party", Party).WithMetadata(any);
        app.MapGet("/api/events", Events).WithMetadata(any);
        app.MapGet("/api/npcs", ([FromServices] Game game) => Wire.Object("npcs", game.KnownNpcs())).WithMetadata(playerOrDm);
        app.MapGet("/api/locations", ([FromServices] Game game) => Wire.Object("locations", game.DiscoveredLocations())).WithMetadata(playerOrDm);
        return app;
    }

    private static IResult Session(HttpContext context, [FromServices] Game game)
    {
        var viewer = TokenAuthMiddleware.ViewerOf(context);
        var name = game.Seats().First(s => s.Id == viewer.SeatId).Name;
        return Wire.Json(w =>
        {
            Frames.WriteSeat(w, viewer, name);
            w.WriteStartObject("campaign");
            w.WriteString("id", game.Meta.CampaignId);
            w.WriteString("name", game.Meta.CampaignName);
            w.WriteEndObject();
            w.WriteString("version", BuildInfo.Version);
        });
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, [FromServices] Game game)
    {
        var viewer = TokenAuthMiddleware.ViewerOf(context);
        var body = await JsonBody.ReadObjectAsync(context);
        var (action, created) = await game.SubmitActionAsync(viewer, body.String("text"), body.String("client_id"), body.Bool("private"));
        return Wire.Action(action, created ? 202 : 200);
    }

    private static IResult Party(HttpContext context, [FromServices] Game game, [FromServices] Sockets.SocketHub hub)
    {
        var viewer = AsViewer(context, game);
        return Wire.Json(w => Protocol.PartyJson.WriteProperty(w, game.GetParty(viewer), hub.IsConnected));
    }

    private static IResult Events(HttpContext context, [FromServices] Game game)
    {
        var viewer = AsViewer(context, game);
        var limit = (int)ParseLong(context, "limit", 100, 1, 1000);
        if (context.Request.Query.ContainsKey("before"))
        {
            return EventsBefore(context, game, viewer, limit);
        }

        var after = ParseLong(context, "after", 0, 0, long.MaxValue);
        var (events, hasMore) = game.EventsAfter(viewer, after, limit);
        return Wire.Json(w =>
        {
            Wire.WriteEvents(w, events);
            w.WriteNumber("last_seq", events.Count > 0 ? events[^1].Seq : after);
            w.WriteBoolean("has_more", hasMore);
        });
    }

    /// <summary>docs/protocol.md §3.6.6: the newest <paramref name="limit"/> visible events before a seq, ascending.</summary>
    private static IResult EventsBefore(HttpContext context, Game game, Viewer viewer, int limit)
    {
        if (context.Request.Query.ContainsKey("after"))
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", "Give 'before' or 'after', not both.");
        }

        var before = ParseLong(context, "before", 1, 1, long.MaxValue);
        var page = game.NewestEvents(viewer, limit + 1, before - 1);
        var hasMore = page.Count > limit;
        var events = hasMore ? page.Skip(1).ToList() : page;
        return Wire.Json(w =>
        {
            Wire.WriteEvents(w, events);
            w.WriteNumber("last_seq", events.Count > 0 ? events[^1].Seq : 0);
            w.WriteBoolean("has_more", hasMore);
        });
    }

    /// <summary>The viewer, or with <c>?as=SEAT</c> (DM only) the seat the DM views as.</summary>
    private static Viewer AsViewer(HttpContext context, Game game) =>
        AsViewer(context, game, "Only the DM may view as another seat.", "");

    /// <summary>The viewer, or with <c>?as=SEAT</c> (DM only) that seat; <paramref name="forbidden"/> is the sentence for another role.</summary>
    internal static Viewer AsViewer(HttpContext context, Game game, string forbidden, string notFoundHint)
    {
        var viewer = TokenAuthMiddleware.ViewerOf(context);
        var asSeat = context.Request.Query["as"].ToString();
        if (string.IsNullOrEmpty(asSeat))
        {
            return viewer;
        }

        if (viewer.Role != Role.Dm)
        {
            throw new GameException(ErrorKind.Forbidden, "forbidden", forbidden);
        }

        var seat = game.Seats().FirstOrDefault(s => s.Id == asSeat)
            ?? throw new GameException(ErrorKind.NotFound, "not_found", $"No seat '{asSeat}'.{notFoundHint}");
        return seat.Viewer;
    }

    private static long ParseLong(HttpContext context, string name, long fallback, long min, long max)
    {
        var text = context.Request.Query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{name}' must be a whole number of at least {min}.");
        }

        return Math.Min(value, max);
    }
}
