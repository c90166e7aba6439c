using System.Net.Sockets;
using System.Text;
using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Sockets;

/// <summary>
/// The WebSocket upgrade taken at the connection (docs/protocol.md §4.1), on a real server over raw TCP: what it
/// takes works like before, what it leaves goes to HTTP and gets HTTP's answers.
/// </summary>
public sealed class SocketUpgradeTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    [Test]
    public async Task Upgrade_FirstRequestWithAuthInTheSamePacket_101ThenWelcome()
    {
        await using var server = await TestServer.StartAsync();
        using var tcp = await ConnectAsync(server);
        var stream = tcp.GetStream();

        // The auth frame rides right behind the request head: those bytes must reach the WebSocket.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Upgrade(server)).Concat(Masked($$"""{"type":"auth","token":"{{server.Token("thorin")}}"}""")).ToArray());
        var head = await ReadHeadAsync(stream);
        var welcome = await ReadTextFrameAsync(stream);

        Assert.That(head, Does.StartWith("HTTP/1.1 101 ").And.Contain("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        Assert.That(welcome, Does.Contain("\"type\":\"welcome\"").And.Contain("thorin"));
    }

    [Test]
    public async Task Upgrade_AfterAnHttpRequestOnTheSameConnection_HttpPathStillUpgrades()
    {
        await using var server = await TestServer.StartAsync();
        using var tcp = await ConnectAsync(server);
        var stream = tcp.GetStream();

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /healthz HTTP/1.1\r\nHost: {Host(server)}\r\n\r\n"));
        var health = await ReadUntilAsync(stream, "\"ok\"");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Upgrade(server)));
        var head = await ReadHeadAsync(stream);
        await stream.WriteAsync(Masked($$"""{"type":"auth","token":"{{server.Token("elara")}}"}"""));
        var welcome = await ReadTextFrameAsync(stream);

        Assert.That(health, Does.StartWith("HTTP/1.1 200"));
        Assert.That(head, Does.StartWith("HTTP/1.1 101 ").And.Contain("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        Assert.That(welcome, Does.Contain("\"type\":\"welcome\"").And.Contain("elara"));
    }

    [Test]
    public async Task Upgrade_FromAnotherSite_LeftToHttpWhichRefusesIt403()
    {
        await using var server = await TestServer.StartAsync();
        using var tcp = await ConnectAsync(server);
        var stream = tcp.GetStream();

        await stream.WriteAsync(Encoding.ASCII.GetBytes(Upgrade(server).Replace("\r\n\r\n", "\r\nOrigin: https://evil.example\r\n\r\n", StringComparison.Ordinal)));
        var answer = await ReadUntilAsync(stream, "bad_origin");

        Assert.That(answer, Does.StartWith("HTTP/1.1 403"));
        Assert.That(answer, Does.Contain("bad_origin"));
    }

    [Test]
    public async Task Connection_SilentFromTheStart_ClosedAfterTheIdleTimeout()
    {
        await using var server = await TestServer.StartAsync(path => new PartyServerOptions
        {
            DataDirectory = path,
            Port = 0,
            BindAddress = "127.0.0.1",
            IdleConnectionTimeout = TimeSpan.FromSeconds(1),
        });
        using var tcp = await ConnectAsync(server);

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var read = await tcp.GetStream().ReadAsync(new byte[16], limit.Token);

        Assert.That(read, Is.Zero, "the server closed the connection");
    }

    private static async Task<TcpClient> ConnectAsync(TestServer server)
    {
        var uri = new Uri(server.BaseUrl);
        var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        return tcp;
    }

    private static string Host(TestServer server) => new Uri(server.BaseUrl).Authority;

    private static string Upgrade(TestServer server) =>
        $"GET /ws HTTP/1.1\r\nHost: {Host(server)}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n\r\n";

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, limit.Token) == 0)
            {
                break;
            }

            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }

    /// <summary>An HTTP answer read until it holds <paramref name="marker"/> (its body may be chunked).</summary>
    private static async Task<string> ReadUntilAsync(NetworkStream stream, string marker)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, limit.Token);
            if (n == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return text.ToString();
    }

    /// <summary>One unmasked server text frame (a short one, as the welcome of the demo is under 64 KiB).</summary>
    private static async Task<string> ReadTextFrameAsync(NetworkStream stream)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, limit.Token);
        long length = header[1] & 0x7F;
        if (length == 126)
        {
            var ext = new byte[2];
            await stream.ReadExactlyAsync(ext, limit.Token);
            length = (ext[0] << 8) | ext[1];
        }
        else if (length == 127)
        {
            var ext = new byte[8];
            await stream.ReadExactlyAsync(ext, limit.Token);
            length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(ext);
        }

        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, limit.Token);
        return Encoding.UTF8.GetString(payload);
    }

    private static byte[] Masked(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var mask = new byte[] { 7, 1, 9, 3 };
        var lengthBytes = payload.Length < 126 ? new[] { (byte)(0x80 | payload.Length) } : new byte[] { 0x80 | 126, (byte)(payload.Length >> 8), (byte)payload.Length };
        var frame = new List<byte> { 0x81 };
        frame.AddRange(lengthBytes);
        frame.AddRange(mask);
        frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
        return [.. frame];
    }
}
