using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM's messages to the table: narration, whispers and dice rolls.</summary>
internal static class NarrationEndpoints
{
    public static IEndpointRouteBuilder MapDmNarration(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm").WithMetadata(new RequireRole(Role.Dm));
        dm.MapPost("/narrate", NarrateAsync);
        dm.MapPost("/whisper", WhisperAsync);
        dm.MapPost("/roll", RollAsync);
        return app;
    }

    private static async Task<IResult> NarrateAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var events = await game.NarrateAsync(body.String("narrative"), AudienceWords.NarrativeAudience(body["audience"]), body.StringMap("private"), body.String("dm_only"));
        return Wire.Events(events);
    }

    private static async Task<IResult> WhisperAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var to = AudienceWords.Recipients(body["to"]);
        return Wire.Events(await game.WhisperAsync(to, body.String("text")));
    }

    private static async Task<IResult> RollAsync(HttpContext context, [FromServices] Game game)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var e = await game.RollAsync(body.String("expr"), body.String("visibility"), body.String("for"), body.String("label"));
        return Wire.Json(w =>
        {
            w.WriteStartObject("roll");
            w.WriteString("expr", e.Expr);
            w.WriteNumber("total", e.Total ?? 0);
            w.WriteStartArray("rolls");
            foreach (var r in e.Rolls ?? [])
            {
                w.WriteNumberValue(r);
            }

            w.WriteEndArray();
            if (e.Label is not null)
            {
                w.WriteString("label", e.Label);
            }

            if (e.For is not null)
            {
                w.WriteString("for", e.For);
            }

            w.WriteNumber("seq", e.Seq);
            w.WriteEndObject();
        });
    }
}
