using System.Net;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace PartyMode.Cli.Limits;

/// <summary>
/// Kestrel connection middleware that counts TCP connections, in total and per remote address, and
/// answers one over a cap with a 503 before any request is read, then closes it. Refusals are logged
/// once a minute at most. Counts go down as connections close, so the daemon recovers by itself.
/// </summary>
internal sealed class ConnectionGate
{
    private static readonly byte[] BusyResponse = Response(
        "server_busy", "The game has as many connections as it can hold; try again in a moment.");

    private static readonly byte[] AddressBusyResponse = Response(
        "too_many_connections", "This address holds too many connections to the game; close some tabs or screens, then try again.");

    private readonly AddressCounts _perAddress;
    private readonly RefusalLog _fullLog;
    private readonly RefusalLog _addressLog;
    private int _open;
    private long _refused;

    public ConnectionGate(ConnectionLimits limits, Serilog.ILogger log, TimeProvider time)
    {
        Limits = limits;
        _perAddress = new AddressCounts(limits.PerAddress);
        _fullLog = new RefusalLog(log, time, $"Connection refused: {limits.MaxConnections} connections are open, the limit (raise the open-file limit, ulimit -n, for more)");
        _addressLog = new RefusalLog(log, time, $"Connection refused: one address holds {limits.PerAddress} connections, the limit per address (--max-connections-per-address)");
    }

    public ConnectionLimits Limits { get; }

    /// <summary>TCP connections open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Connections refused since start (diagnostics).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async context =>
    {
        var address = (context.RemoteEndPoint as IPEndPoint)?.Address;
        var local = ConnectionLimits.IsLocal(address);
        if (local)
        {
            // The DM's own machine: no per-address cap, and a reserve above the cap for everyone else.
            address = null;
        }

        if (Interlocked.Increment(ref _open) > (local ? Limits.MaxLocalConnections : Limits.MaxConnections))
        {
            Interlocked.Decrement(ref _open);
            _fullLog.Refused();
            await RefuseAsync(context, BusyResponse);
            return;
        }

        if (address is not null && !_perAddress.TryAcquire(address))
        {
            Interlocked.Decrement(ref _open);
            _addressLog.Refused();
            await RefuseAsync(context, AddressBusyResponse);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            if (address is not null)
            {
                _perAddress.Release(address);
            }

            Interlocked.Decrement(ref _open);
        }
    };

    private async Task RefuseAsync(ConnectionContext context, byte[] response)
    {
        Interlocked.Increment(ref _refused);
        try
        {
            // Whatever the client already sent is taken off the socket first, so closing it sends a
            // plain FIN after the answer rather than a reset that could hide the answer.
            if (context.Transport.Input.TryRead(out var pending))
            {
                context.Transport.Input.AdvanceTo(pending.Buffer.End);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await context.Transport.Output.WriteAsync(response, timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ConnectionResetException or InvalidOperationException)
        {
            // The client is gone or not reading; the connection closes either way.
        }
    }

    private static byte[] Response(string code, string message)
    {
        var body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
        var head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
            + "Cache-Control: no-store\r\nRetry-After: 5\r\nConnection: close\r\n"
            + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n";
        return Encoding.UTF8.GetBytes(head + body);
    }
}
