using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Sheets;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web;

/// <summary><c>POST /api/characters/{id}/changes</c>: a player changes their own sheet under the campaign's policy (docs/protocol.md §8.2).</summary>
internal static class SheetEndpoints
{
    public static IEndpointRouteBuilder MapSheets(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/characters/{id}/changes", ChangeAsync).WithMetadata(new RequireRole(Role.Player));
        return app;
    }

    /// <summary>200 <c>{character, change}</c> when applied, 202 <c>{change}</c> while it waits for the DM.</summary>
    private static async Task<IResult> ChangeAsync(HttpContext context, [FromServices] Game game, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var result = await game.Sheets.RequestAsync(TokenAuthMiddleware.ViewerOf(context), id, Ops(body), body.String("client_id"));
        return Answer(result);
    }

    public static IResult Answer(SheetChangeResult result) =>
        Wire.Json(w => SheetJson.WriteResult(w, result), result.Pending ? 202 : 200);

    /// <summary>The <c>ops</c> list; a JSON string holding one is accepted (AI clients send that).</summary>
    public static JsonNode? Ops(JsonObject body)
    {
        var node = body["ops"];
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(v.GetValue<string>());
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return node;
    }
}
