using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace PartyMode.Bench;

/// <summary>
/// One viewer's WebSocket, kept as light as possible so one process can hold 10,000 of them:
/// a raw socket with a hand-written upgrade, the framework's WebSocket over it, one small
/// buffer, and no JSON parsing: frames are searched as bytes for the round's marker.
/// </summary>
internal sealed class ProbeSocket(int index, RoundTracker tracker)
{
    private const int BufferSize = 4096;
    private static readonly byte[] WelcomeBytes = "\"welcome\""u8.ToArray();
    private static readonly byte[] PingBytes = "\"ping\""u8.ToArray();
    private static readonly byte[] PongFrame = "{\"type\":\"pong\"}"u8.ToArray();
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly byte[] _buffer = new byte[BufferSize];
    private Socket? _socket;
    private WebSocket? _ws;
    private volatile bool _closed;

    public int Index { get; } = index;

    public bool Closed => _closed;

    /// <summary>The close code the server sent (0 when none).</summary>
    public int CloseStatus { get; private set; }

    // Round bookkeeping, touched only by this socket's receive loop and by RoundTracker.Begin
    // (which runs while the loop is idle for the round).
    internal int SeenA { get; set; }

    internal int SeenN { get; set; }

    internal int SeenP { get; set; }

    internal int CompletedGeneration { get; set; }

    /// <summary>Connects, upgrades, authenticates and returns once <c>welcome</c> has arrived.</summary>
    public async Task ConnectAsync(IPEndPoint server, string token, long? lastSeq, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket = socket;
        await socket.ConnectAsync(server, ct);
        var stream = new NetworkStream(socket, ownsSocket: true);
        var request = "GET /ws HTTP/1.1\r\n" +
            $"Host: {server}\r\n" +
            "Upgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), ct);

        // The server says nothing after the 101 until we authenticate, so reading up to the
        // blank line cannot swallow a frame.
        var read = 0;
        while (_buffer.AsSpan(0, read).IndexOf(HeaderEnd) < 0)
        {
            var n = await stream.ReadAsync(_buffer.AsMemory(read), ct);
            if (n == 0 || read + n >= _buffer.Length)
            {
                throw new IOException("the server closed or sent an oversized answer during the upgrade");
            }

            read += n;
        }

        var head = Encoding.ASCII.GetString(_buffer, 0, read);
        if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new IOException($"upgrade refused: {head.Split('\r')[0]}");
        }

        _ws = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
        var auth = lastSeq is { } seq
            ? $"{{\"type\":\"auth\",\"token\":\"{token}\",\"last_seq\":{seq}}}"
            : $"{{\"type\":\"auth\",\"token\":\"{token}\"}}";
        await _ws.SendAsync(Encoding.UTF8.GetBytes(auth), WebSocketMessageType.Text, endOfMessage: true, ct);

        var welcome = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = ReceiveLoopAsync(_ws, welcome);
        await welcome.Task.WaitAsync(ct);
    }

    /// <summary>Drops the connection (FIN), as a closed browser tab does.</summary>
    public void Abort()
    {
        try
        {
            _ws?.Abort();
            _socket?.Dispose();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveLoopAsync(WebSocket ws, TaskCompletionSource welcome)
    {
        var first = true;
        var welcomed = false;
        var offset = 0;
        var overflow = false;
        try
        {
            while (true)
            {
                var r = await ws.ReceiveAsync(_buffer.AsMemory(offset), CancellationToken.None);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = (int?)ws.CloseStatus ?? 0;
                    break;
                }

                offset += r.Count;
                if (first && !welcomed && _buffer.AsSpan(0, offset).IndexOf(WelcomeBytes) >= 0)
                {
                    welcomed = true;
                }

                if (!r.EndOfMessage)
                {
                    if (offset == _buffer.Length)
                    {
                        // Large frames (welcome, replay pages) never carry a marker: skip their bytes.
                        overflow = true;
                        offset = 0;
                    }

                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                if (first)
                {
                    first = false;
                    if (!welcomed)
                    {
                        welcome.TrySetException(new IOException("the first frame was not a welcome"));
                        break;
                    }

                    welcome.TrySetResult();
                }
                else if (!overflow)
                {
                    OnMessage(ws, _buffer.AsSpan(0, offset), now);
                }

                offset = 0;
                overflow = false;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            _closed = true;
            welcome.TrySetException(new IOException($"closed before welcome (close code {CloseStatus})"));
            tracker.OnClosed(this);
        }
    }

    private void OnMessage(WebSocket ws, ReadOnlySpan<byte> message, long now)
    {
        if (message.Length < 128 && message.IndexOf(PingBytes) >= 0)
        {
            _ = PongAsync(ws);
            return;
        }

        tracker.OnMessage(this, message, now);
    }

    private static async Task PongAsync(WebSocket ws)
    {
        try
        {
            await ws.SendAsync(PongFrame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
        }
    }
}
