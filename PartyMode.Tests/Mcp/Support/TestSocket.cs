using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Tests.Mcp.Support;

/// <summary>A simulated player's browser: one authenticated WebSocket that records every frame and answers pings.</summary>
internal sealed class TestSocket : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly List<JsonElement> frames = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private Task? receiveLoop;

    private TestSocket(string seat) => Seat = seat;

    public string Seat { get; }

    public JsonElement Welcome { get; private set; }

    /// <summary>Set once the server closed the socket (or it failed).</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public bool Closed { get; private set; }

    public IReadOnlyList<JsonElement> Frames
    {
        get
        {
            lock (gate)
            {
                return [.. frames];
            }
        }
    }

    public static async Task<TestSocket> ConnectAsync(string baseUrl, string seat, string token, long? lastSeq = null)
    {
        var result = new TestSocket(seat);
        var uri = new Uri(baseUrl.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/ws");
        await result.socket.ConnectAsync(uri, CancellationToken.None);
        var auth = new JsonObject { ["type"] = "auth", ["token"] = token };
        if (lastSeq is not null)
        {
            auth["last_seq"] = lastSeq.Value;
        }

        await result.SendAsync(auth);
        result.receiveLoop = Task.Run(result.ReceiveAsync);
        result.Welcome = await result.WaitForAsync(f => f.GetProperty("type").GetString() == "welcome", TimeSpan.FromSeconds(10));
        return result;
    }

    public async Task SendAsync(JsonObject frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>The first frame (already received or arriving within the timeout) that matches.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        JsonElement? found = null;
        var ok = await Poll.UntilAsync(() => (found = Frames.Cast<JsonElement?>().FirstOrDefault(f => match(f!.Value))) is not null, timeout);
        Assert.That(ok, Is.True, $"{Seat} did not receive the expected frame within {timeout.TotalSeconds} s; it got: {string.Join(" | ", Frames.Select(f => f.GetRawText()).TakeLast(8))}");
        return found!.Value;
    }

    public IEnumerable<JsonElement> OfType(string type) => Frames.Where(f => f.GetProperty("type").GetString() == type);

    /// <summary>Every stored event (frames with a seq) received after the welcome.</summary>
    public IReadOnlyList<JsonElement> Events() => [.. Frames.Where(f => f.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number)];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }

        if (receiveLoop is not null)
        {
            await Task.WhenAny(receiveLoop, Task.Delay(2000));
        }

        socket.Dispose();
        stop.Dispose();
        sendLock.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        CloseStatus = result.CloseStatus;
                        Closed = true;
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                using var document = JsonDocument.Parse(message.ToArray());
                var frame = document.RootElement.Clone();
                if (frame.GetProperty("type").GetString() == "ping")
                {
                    await SendAsync(new JsonObject { ["type"] = "pong" });
                }

                lock (gate)
                {
                    frames.Add(frame);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or JsonException)
        {
            Closed = !stop.IsCancellationRequested || Closed;
        }
    }
}
