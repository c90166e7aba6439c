using PartyMode.Cli.Protocol;
using PartyMode.Cli.Security;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Pipeline;

/// <summary>
/// Every <c>/api/</c> request: the token first (before ids or bodies), then the endpoint's role, then the DM's
/// this-machine rule. The viewer the token names is kept on the request for the handlers.
/// </summary>
internal sealed class TokenAuthMiddleware(RequestDelegate next, Game game, AuthFailures authFailures, DmAccessPolicy dmAccess)
{
    private const string ViewerKey = "partymode.viewer";

    public static Viewer ViewerOf(HttpContext context) => (Viewer)context.Items[ViewerKey]!;

    public static Viewer? ViewerOrNull(HttpContext context) => context.Items.TryGetValue(ViewerKey, out var viewer) ? (Viewer?)viewer : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var viewer = await AuthenticateAsync(context);
        if (viewer is null)
        {
            return;
        }

        context.Items[ViewerKey] = viewer;
        await next(context);
    }

    private async Task<Viewer?> AuthenticateAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (authFailures.IsBlocked(remote))
        {
            await ApiErrors.Write(context, 429, "too_many_failures", "Too many failed authentications from this address; wait a minute.");
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var result = game.Authenticate(token);
        if (result.Status == AuthStatus.Invalid)
        {
            authFailures.RecordFailure(remote);
            await ApiErrors.Write(context, 401, "invalid_token",
                token is null ? "Send the seat's token as 'Authorization: Bearer TOKEN'." : "This token is not valid (it may have been refreshed): ask the DM for a new link.");
            return null;
        }

        if (result.Status == AuthStatus.Kicked)
        {
            await ApiErrors.Write(context, 403, "seat_kicked", "The DM removed this seat from the game.");
            return null;
        }

        var viewer = result.Viewer!;
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequireRole>();
        if (required is not null && !required.Roles.Contains(viewer.Role))
        {
            var code = viewer.Role == Role.Observer && required.Roles.Contains(Role.Player) && context.Request.Method == "POST" ? "observer_cannot_act" : "forbidden";
            await ApiErrors.Write(context, 403, code, $"This needs the {string.Join(" or ", required.Roles.Select(r => r.ToString().ToLowerInvariant()))} seat.");
            return null;
        }

        if (viewer.Role == Role.Dm && !dmAccess.IsDmAllowedFrom(remote))
        {
            await ApiErrors.Write(context, 403, "dm_remote", "The DM API only answers on this machine; start the daemon with --allow-remote-dm to allow other machines.");
            return null;
        }

        return viewer;
    }
}
