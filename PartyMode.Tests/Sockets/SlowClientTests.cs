using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Sockets;

/// <summary>
/// Clients that stop reading: they must never delay anyone else, and one that falls too far behind
/// (its own queue full) is closed with 4429 and recovers by reconnecting with <c>last_seq</c>.
/// </summary>
public sealed class SlowClientTests
{
    // Caps on the pushes below, so a server that never queues or never closes fails the test instead of hanging it.
    private const int MaxFillPosts = 2_000;
    private const int MaxQueuePosts = 2_000;
    private const int PostsPerRound = 16;

    [Test]
    public async Task SlowConsumer_FrozenClient_DoesNotDelayOthers()
    {
        await using var server = await TestServer.StartAsync();
        // A client that authenticates and then never reads again.
        using var frozen = new ClientWebSocket();
        frozen.Options.SetBuffer(1024, 1024);
        await frozen.ConnectAsync(server.WsUri, CancellationToken.None);
        await frozen.SendAsync(Encoding.UTF8.GetBytes($$"""{"type":"auth","token":"{{server.Token("thorin")}}"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        await using var elara = await server.ConnectAsync("elara");
        var big = new string('z', 16_000);
        for (var i = 0; i < 300; i++)
        {
            await server.DmPostAsync("/api/dm/narrate", new { narrative = $"flood-{i} {big}" });
        }

        // The reader kept up through all of it while the frozen socket's buffers filled.
        await elara.WaitForTextAsync("flood-299");
        Assert.That(elara.Events.Count(f => f.Text?.StartsWith("flood-", StringComparison.Ordinal) == true), Is.EqualTo(300));
        Assert.That(elara.IsOpen, Is.True);
    }

    [Test]
    public async Task FrozenClient_QueueOverflows_IsClosedWith4429AndRecoversWithLastSeq()
    {
        await using var server = await TestServer.StartAsync();
        using var dm = server.Client("dm");
        // The DM seat sees every event, so each narration below puts six frames in its queue.
        using var frozen = new ClientWebSocket();
        await frozen.ConnectAsync(server.WsUri, CancellationToken.None);
        await frozen.SendAsync(Encoding.UTF8.GetBytes($$"""{"type":"auth","token":"{{server.Token("dm")}}"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        await Poll.UntilAsync(async () => (await DiagnosticsAsync(dm)).GetProperty("connections").GetInt32() == 1, "the frozen socket to be registered");

        // First fill the network buffers with large frames until the server's send to the frozen
        // socket stalls and frames start to wait in its queue.
        var big = new string('z', 19_000);
        var posts = 0;
        while (await QueuedFramesAsync(dm) == 0)
        {
            Assert.That(posts, Is.LessThan(MaxFillPosts), "the frozen socket's sends never stalled");
            await PostRoundAsync(dm, i => new { narrative = $"fill-{posts + i} {big}" });
            posts += PostsPerRound;
        }

        // Then queue small frames until the queue overflows: the server discards it and closes the
        // socket, so nothing is queued for it any more.
        var parts = TestServer.Players.ToDictionary(p => p, p => $"to {p}");
        posts = 0;
        while (await QueuedFramesAsync(dm) > 0)
        {
            Assert.That(posts, Is.LessThan(MaxQueuePosts), "the frozen socket was never closed");
            await PostRoundAsync(dm, i => new { narrative = $"queue-{posts + i}", @private = parts, dm_only = "note" });
            posts += PostsPerRound;
        }

        // Reading again, the client gets what the network still held, then the close frame.
        var (lastSeq, closeStatus, closeReason) = await ReadUntilCloseAsync(frozen).WaitAsync(Poll.DefaultTimeout);
        Assert.That(closeStatus, Is.EqualTo(4429));
        Assert.That(closeReason, Does.Contain("last_seq"));

        // It missed far more than a replay holds: the reconnect gets resync and is live again.
        await using var again = new SimulatedPlayer("dm", server.Token("dm"), () => server.WsUri);
        await again.ConnectAsync(lastSeq);
        await again.WaitForAsync(f => f.Type == "resync", "resync");
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "LIVE-AFTER-4429" });
        await again.WaitForTextAsync("LIVE-AFTER-4429");
        Assert.That(again.IsOpen, Is.True);
    }

    private static async Task PostRoundAsync(HttpClient dm, Func<int, object> body)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, PostsPerRound).Select(i => dm.PostAsJsonAsync("/api/dm/narrate", body(i))));
        foreach (var response in responses)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
            response.Dispose();
        }
    }

    private static async Task<int> QueuedFramesAsync(HttpClient dm) => (await DiagnosticsAsync(dm)).GetProperty("queued_frames").GetInt32();

    private static async Task<JsonElement> DiagnosticsAsync(HttpClient dm) =>
        JsonDocument.Parse(await dm.GetStringAsync("/api/dm/diagnostics")).RootElement.Clone();

    /// <summary>Reads every frame until the server's close; returns the newest seq read and the close.</summary>
    private static async Task<(long LastSeq, int? Status, string? Reason)> ReadUntilCloseAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        long lastSeq = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                return (lastSeq, (int?)socket.CloseStatus, socket.CloseStatusDescription);
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var frame = new Frame(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), 1);
            message.SetLength(0);
            lastSeq = Math.Max(lastSeq, frame.Seq ?? 0);
        }
    }
}
