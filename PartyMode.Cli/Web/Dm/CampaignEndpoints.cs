using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM's campaign book: characters (read and patch), NPCs and locations (read and reveal).</summary>
internal static class CampaignEndpoints
{
    public static IEndpointRouteBuilder MapDmCampaign(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm").WithMetadata(new RequireRole(Role.Dm));
        dm.MapGet("/characters", ([FromServices] Game game) => Wire.Object("characters", game.ListCharacters()));
        dm.MapGet("/characters/{id}", ([FromServices] Game game, string id) => Wire.Object("character", game.GetCharacter(Viewer.Dm, id)));
        dm.MapPatch("/characters/{id}", PatchCharacterAsync);
        dm.MapGet("/npcs", ([FromServices] Game game) => Wire.Object("npcs", game.ListNpcs()));
        dm.MapGet("/npcs/{id}", ([FromServices] Game game, string id) => Wire.Object("npc", game.GetNpc(id)));
        dm.MapPost("/npcs/{id}/reveal", RevealNpcAsync);
        dm.MapGet("/locations", ([FromServices] Game game) => Wire.Object("locations", game.ListLocations()));
        dm.MapGet("/locations/{id}", ([FromServices] Game game, string id) => Wire.Object("location", game.GetLocation(id)));
        dm.MapPost("/locations/{id}/reveal", RevealLocationAsync);
        return app;
    }

    private static async Task<IResult> PatchCharacterAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Object("character", await game.PatchCharacterAsync(id, body));
    }

    private static async Task<IResult> RevealNpcAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Object("npc", await game.RevealNpcAsync(id, body.String("narrative")));
    }

    private static async Task<IResult> RevealLocationAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Object("location", await game.RevealLocationAsync(id, body.String("narrative")));
    }
}
