using System.Net;
using System.Net.Sockets;

namespace PartyMode.Tests.Support;

/// <summary>
/// Connections from another loopback address (127.0.0.2, 127.0.0.3…): on Linux the whole 127/8 reaches
/// this machine, so a test can play several machines on the network with one server.
/// </summary>
internal static class LoopbackFrom
{
    public static IPAddress Address(int n) => IPAddress.Parse($"127.0.0.{n}");

    /// <summary>An HTTP handler whose connections leave from <paramref name="from"/>.</summary>
    public static SocketsHttpHandler Handler(IPAddress from) => new()
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>A raw TCP connection from <paramref name="from"/> to the server's port.</summary>
    public static async Task<TcpClient> TcpAsync(IPAddress from, int port)
    {
        var client = new TcpClient(new IPEndPoint(from, 0));
        await client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }

    /// <summary>Sends one HTTP/1.1 GET on a raw connection and reads until the server closes it or a status line and blank line arrived.</summary>
    public static async Task<string> GetAsync(TcpClient client, string path)
    {
        var stream = client.GetStream();
        var request = System.Text.Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        return await ReadToEndAsync(stream);
    }

    /// <summary>Everything the server sends until it closes the connection (bounded by a timeout).</summary>
    public static async Task<string> ReadToEndAsync(NetworkStream stream, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var buffer = new byte[8192];
        var text = new System.Text.StringBuilder();
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                text.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
        catch (IOException)
        {
            // A reset after the answer still leaves the answer read.
        }

        return text.ToString();
    }
}
