using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Protocol;

namespace PartyMode.Cli.Sockets;

/// <summary>
/// The <c>/ws</c> endpoint (docs/protocol.md §4) for an upgrade the connection-level fast path
/// (<see cref="SocketUpgrade"/>) left to HTTP: one that came on a connection already used for HTTP, or
/// one it would refuse (these answers and their errors are the HTTP pipeline's). <see cref="SocketSession"/> runs the socket.
/// </summary>
internal static class SocketEndpoint
{
    public static IEndpointRouteBuilder MapSockets(this IEndpointRouteBuilder app)
    {
        app.Map("/ws", HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext context, [FromServices] SocketSession session)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiErrors.Write(context, 400, "websocket_required", "Connect to /ws with a WebSocket.");
            return;
        }

        if (!OriginAllowed(context.Request.Headers.Origin.ToString(), context.Request.Host.Value))
        {
            await ApiErrors.Write(context, 403, "bad_origin", "WebSocket connections from other sites are refused.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await session.RunAsync(socket, context.Connection.RemoteIpAddress, context.RequestAborted);
    }

    /// <summary>No Origin (a script, the CLI) or the page's own: a browser on another site may not connect.</summary>
    public static bool OriginAllowed(string? origin, string? host)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }
}
