using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>"View as": the state a seat's welcome would carry, for the DM (docs/protocol.md §3.7.14).</summary>
internal static class ViewAsEndpoints
{
    public static IEndpointRouteBuilder MapDmViewAs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dm/view-as/{seat}", ViewAs).WithMetadata(new RequireRole(Role.Dm));
        return app;
    }

    private static IResult ViewAs([FromServices] Game game, [FromServices] Sockets.SocketHub hub, string seat)
    {
        var found = game.Seats().FirstOrDefault(s => s.Id == seat)
            ?? throw new GameException(ErrorKind.NotFound, "not_found", $"No seat '{seat}': view as a player id or 'observer'.");
        // The same filtered state the seat's own socket gets in its welcome: one rule, nothing rebuilt here.
        var viewer = found.Viewer;
        var welcome = game.Welcome(viewer);
        return Wire.Json(w =>
        {
            w.WriteString("seat", found.Id);
            Frames.WriteSeat(w, viewer, found.Name);
            if (welcome.Character is not null)
            {
                w.WritePropertyName("character");
                System.Text.Json.JsonSerializer.Serialize(w, welcome.Character, EngineJson.Info<PartyMode.Engine.Model.Character>());
            }
            else
            {
                w.WriteNull("character");
            }

            PartyJson.WriteProperty(w, welcome.Party, hub.IsConnected);
            CombatJson.WriteProperty(w, welcome.Combat);
            if (viewer.Role == Role.Player)
            {
                RollJson.WriteRequests(w, "roll_requests", welcome.RollRequests, forDm: false);
            }
        });
    }
}
