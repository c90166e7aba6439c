using PartyMode.Cli.Hosting;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;
using Serilog.Events;

namespace PartyMode.Cli.Web;

/// <summary>
/// Every <c>/api/</c> request: the token first (before ids or bodies), then the role, then the DM's
/// this-machine rule; engine errors become docs/protocol.md §3.3 error bodies; a log line per refused or failed request
/// (every request with <c>serve --verbose</c>), with the path but never the query string or a token.
/// </summary>
internal sealed class ApiAuthMiddleware(RequestDelegate next, ServerState state)
{
    private const string ViewerKey = "partymode.viewer";

    public static Viewer ViewerOf(HttpContext context) => (Viewer)context.Items[ViewerKey]!;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Viewer? viewer = null;
        try
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            viewer = await AuthenticateAsync(context);
            if (viewer is null)
            {
                return;
            }

            context.Items[ViewerKey] = viewer;
            if (context.GetEndpoint() is null)
            {
                await ApiErrors.Write(context, 404, "not_found", $"There is no {context.Request.Method} {context.Request.Path}.");
                return;
            }

            await next(context);
        }
        catch (GameException ex)
        {
            if (!context.Response.HasStarted)
            {
                await ApiErrors.Write(context, ApiErrors.StatusOf(ex.Kind), ex.Code, ex.Message);
            }
        }
        catch (BadHttpRequestException ex)
        {
            if (!context.Response.HasStarted)
            {
                await ApiErrors.Write(context, ex.StatusCode, "bad_request", ex.Message);
            }
        }
        finally
        {
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // Refusals and failures are worth a line; routine successes only with serve --verbose (a
            // table makes thousands, and each line costs the request path a hand-off to the log thread).
            var status = context.Response.StatusCode;
            var level = status >= 500 ? LogEventLevel.Warning : status >= 400 ? LogEventLevel.Information : LogEventLevel.Debug;
            if (!context.WebSockets.IsWebSocketRequest && state.Log.IsEnabled(level))
            {
                state.Log.Write(level, "{Method} {Path} {Status} {Elapsed:0.0} ms seat={Seat} role={Role}",
                    context.Request.Method, context.Request.Path.Value, status, elapsed,
                    viewer?.SeatId ?? "-", viewer?.RoleName ?? "-");
            }
        }
    }

    private async Task<Viewer?> AuthenticateAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (state.AuthFailures.IsBlocked(remote))
        {
            await ApiErrors.Write(context, 429, "too_many_failures", "Too many failed authentications from this address; wait a minute.");
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var result = state.Game.Authenticate(token);
        if (result.Status == AuthStatus.Invalid)
        {
            state.AuthFailures.RecordFailure(remote);
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

        var usesDmPowers = viewer.Role == Role.Dm;
        if (usesDmPowers && !state.IsDmAllowedFrom(remote))
        {
            await ApiErrors.Write(context, 403, "dm_remote", "The DM API only answers on this machine; start the daemon with --allow-remote-dm to allow other machines.");
            return null;
        }

        return viewer;
    }
}
