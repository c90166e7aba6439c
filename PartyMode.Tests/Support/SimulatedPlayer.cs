using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace PartyMode.Tests.Support;

/// <summary>
/// A real client: a <see cref="ClientWebSocket"/> that sends the auth frame, records every frame it
/// receives (raw text and parsed), answers pings, tracks <c>last_seq</c> and can reconnect.
/// </summary>
internal sealed class SimulatedPlayer : IAsyncDisposable
{
    private readonly Func<Uri> _uri;
    private readonly ConcurrentQueue<Frame> _frames = new();
    private ClientWebSocket? _socket;
    private Task? _receiver;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _framesReceived;
    private long _eventsReceived;

    public SimulatedPlayer(string seat, string token, Func<Uri> uri)
    {
        Seat = seat;
        Token = token;
        _uri = uri;
    }

    public string Seat { get; }

    public string Token { get; set; }

    /// <summary>Highest event seq received on any connection of this player.</summary>
    public long LastSeq { get; private set; }

    /// <summary>Close status of the most recent connection, once closed by the server.</summary>
    public int? CloseCode { get; private set; }

    public bool IsOpen => _socket?.State == WebSocketState.Open && CloseCode is null;

    public int Connections { get; private set; }

    /// <summary>For long sessions: only frames this admits are kept (welcome, errors and resync always are); all are counted.</summary>
    public Func<string, bool>? KeepOnly { get; set; }

    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    public long EventsReceived => Interlocked.Read(ref _eventsReceived);

    public IReadOnlyList<Frame> Frames => _frames.ToList();

    public IEnumerable<Frame> OfType(string type) => Frames.Where(f => f.Type == type);

    /// <summary>Stored events received (frames with a seq), in arrival order.</summary>
    public IReadOnlyList<Frame> Events => Frames.Where(f => f.Seq is not null).ToList();

    /// <summary>The local address the socket connects from (another loopback address plays another machine); null for the default.</summary>
    public System.Net.IPAddress? From { get; init; }

    public async Task ConnectAsync(long? lastSeq = null, bool waitForWelcome = true)
    {
        CloseCode = null;
        var socket = new ClientWebSocket();
        if (From is null)
        {
            await socket.ConnectAsync(_uri(), CancellationToken.None);
        }
        else
        {
            using var invoker = new HttpMessageInvoker(LoopbackFrom.Handler(From));
            await socket.ConnectAsync(_uri(), invoker, CancellationToken.None);
        }

        _socket = socket;
        Connections++;
        var connection = Connections;
        _receiver = Task.Run(() => ReceiveLoop(socket, connection));
        var auth = lastSeq is null
            ? JsonSerializer.Serialize(new { type = "auth", token = Token })
            : JsonSerializer.Serialize(new { type = "auth", token = Token, last_seq = lastSeq });
        await SendRawAsync(auth);
        if (waitForWelcome)
        {
            await WaitForAsync(f => f.Type == "welcome" && f.Connection == connection, "welcome");
        }
    }

    public Task SendRawAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendBytesAsync(byte[] bytes)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket!.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendActionAsync(string text, string? clientId = null, bool isPrivate = false) =>
        SendRawAsync(JsonSerializer.Serialize(new { type = "action", text, client_id = clientId, @private = isPrivate }));

    public async Task<Frame> WaitForAsync(Func<Frame, bool> predicate, string what, TimeSpan? timeout = null)
    {
        Frame? found = null;
        await Poll.UntilAsync(() => (found = _frames.FirstOrDefault(predicate)) is not null, $"{Seat}: {what}", timeout);
        return found!;
    }

    public Task WaitForTextAsync(string text, TimeSpan? timeout = null) =>
        WaitForAsync(f => f.Raw.Contains(text, StringComparison.Ordinal), $"a frame containing '{text}'", timeout);

    public Task WaitClosedAsync(TimeSpan? timeout = null) => Poll.UntilAsync(() => CloseCode is not null, $"{Seat}: socket closed", timeout);

    /// <summary>Closes the socket from the client side (a dropped connection).</summary>
    public async Task DisconnectAsync()
    {
        if (_socket is { State: WebSocketState.Open })
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }

        if (_receiver is not null)
        {
            await _receiver;
        }
    }

    public void ClearFrames() => _frames.Clear();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _socket?.Abort();
        }

        _socket?.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoop(ClientWebSocket socket, int connection)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseCode = (int?)socket.CloseStatus ?? 1005;
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var raw = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                var frame = new Frame(raw, connection);
                if (frame.Type == "ping")
                {
                    await SendRawAsync("{\"type\":\"pong\"}");
                }

                if (frame.Seq is { } seq && seq > LastSeq)
                {
                    LastSeq = seq;
                }

                Interlocked.Increment(ref _framesReceived);
                if (frame.Seq is not null)
                {
                    Interlocked.Increment(ref _eventsReceived);
                }

                if (KeepOnly is null || KeepOnly(raw) || frame.Type is "welcome" or "error" or "resync")
                {
                    _frames.Enqueue(frame);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            CloseCode ??= (int?)socket.CloseStatus ?? 1006;
        }
    }
}
