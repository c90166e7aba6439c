using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;

namespace PartyMode.Cli.Sockets;

/// <summary>
/// Takes a WebSocket upgrade to <c>/ws</c> at the connection, before Kestrel's HTTP layer (docs/protocol.md
/// §4.1): an open socket then holds the transport's pipes and the WebSocket, not an HTTP/1 connection with its
/// request and response headers, context, features and middleware frames (about half an idle socket's memory,
/// docs/benchmarks.md). Only the first request of a connection is looked at, and only a valid upgrade from an
/// allowed origin is taken: anything else, and a malformed upgrade, goes on to HTTP untouched (the bytes are
/// peeked, not consumed), where <see cref="SocketEndpoint"/> gives the same answers as before.
/// </summary>
internal sealed class SocketUpgrade(IServiceProvider services, TimeSpan headTimeout)
{
    private SocketSession? _session;

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async context =>
    {
        var input = context.Transport.Input;
        UpgradeRequest? request;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed))
        {
            // Kestrel's own header timeout starts only once HTTP reads: a silent connection is closed here alike.
            deadline.CancelAfter(headTimeout);
            try
            {
                request = await PeekAsync(input, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                // Closed as Kestrel closes an idle keep-alive connection: a FIN, not a reset.
                return;
            }
        }

        if (request is null)
        {
            await next(context);
            return;
        }

        var remote = (context.RemoteEndPoint as IPEndPoint)?.Address;
        try
        {
            await context.Transport.Output.WriteAsync(request.SwitchingProtocols(), context.ConnectionClosed);
            using var socket = WebSocket.CreateFromStream(
                new DuplexPipeStream(context.Transport),
                new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
            _session ??= services.GetRequiredService<SocketSession>();
            await _session.RunAsync(socket, remote, context.ConnectionClosed);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionResetException)
        {
            // The client went away mid-handshake or mid-close: Kestrel would log it as an unhandled error with
            // its stack trace; it is only a phone that left (the HTTP path ends the same way, quietly).
            services.GetRequiredService<Serilog.ILogger>().Debug("Socket from {Remote} ended abruptly: {Reason}", remote, ex.Message);
        }
    };

    /// <summary>The upgrade when the connection's first request is one to take (consumed), else null (nothing consumed).</summary>
    private static async Task<UpgradeRequest?> PeekAsync(PipeReader input, CancellationToken ct)
    {
        while (true)
        {
            var result = await input.ReadAsync(ct);
            var buffer = result.Buffer;
            var (verdict, request, end) = UpgradeRequest.Inspect(buffer);
            if (verdict == UpgradeVerdict.Take)
            {
                input.AdvanceTo(end);
                return request;
            }

            if (verdict == UpgradeVerdict.Pass || result.IsCompleted || result.IsCanceled)
            {
                // consumed = examined = the start: HTTP reads the same bytes at once.
                input.AdvanceTo(buffer.Start);
                return null;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
