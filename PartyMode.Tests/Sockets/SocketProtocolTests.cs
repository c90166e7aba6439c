using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Sockets;

public sealed class SocketProtocolTests
{
    [Test]
    public async Task Welcome_Player_CarriesOwnSheetPartyAndLastSeq()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");
        var welcome = thorin.OfType("welcome").Single().Json;
        Assert.That(welcome.GetProperty("role").GetString(), Is.EqualTo("player"));
        Assert.That(welcome.GetProperty("character").GetProperty("id").GetString(), Is.EqualTo("thorin"));
        Assert.That(welcome.GetProperty("party").GetArrayLength(), Is.EqualTo(4));
        await using var observer = await server.ConnectAsync("observer");
        var ow = observer.OfType("welcome").Single();
        Assert.That(ow.Json.TryGetProperty("character", out _), Is.False);
        Assert.That(ow.Raw, Does.Not.Contain("\"hp\""));
    }

    [Test]
    public async Task ClientFrames_Malformed_GetAnErrorAndTheSocketStaysOpen()
    {
        await using var server = await TestServer.StartAsync();
        await using var vex = await server.ConnectAsync("vex");
        await vex.SendRawAsync("{nope");
        await vex.WaitForAsync(f => f.Type == "error" && f.Json.GetProperty("code").GetString() == "bad_json", "bad_json error");
        await vex.SendRawAsync("""{"type":"dance"}""");
        await vex.WaitForAsync(f => f.Type == "error" && f.Json.GetProperty("code").GetString() == "unknown_type", "unknown_type error");
        await vex.SendRawAsync("""{"type":"action","text":"","client_id":"e1"}""");
        var error = await vex.WaitForAsync(f => f.Type == "error" && f.Json.GetProperty("code").GetString() == "empty_action", "empty_action error");
        Assert.That(error.Json.GetProperty("client_id").GetString(), Is.EqualTo("e1"));
        Assert.That(vex.IsOpen, Is.True);
    }

    [Test]
    public async Task ClientFrame_OverTheSizeLimit_ClosesWith1009()
    {
        await using var server = await TestServer.StartAsync();
        await using var vex = await server.ConnectAsync("vex");
        await vex.SendBytesAsync(Encoding.UTF8.GetBytes("{\"type\":\"action\",\"text\":\"" + new string('x', 70_000) + "\"}"));
        await vex.WaitClosedAsync();
        Assert.That(vex.CloseCode, Is.EqualTo(1009));
    }

    [Test]
    public async Task Socket_NoAuthFrameForTenSeconds_ClosesWith4408()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(time);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.WsUri, CancellationToken.None);
        var receive = socket.ReceiveAsync(new byte[1024], CancellationToken.None);
        await Poll.UntilAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return receive.IsCompleted;
        }, "auth timeout close");
        var result = await receive;
        Assert.That(result.MessageType, Is.EqualTo(WebSocketMessageType.Close));
        Assert.That((int?)socket.CloseStatus, Is.EqualTo(4408));
    }

    [Test]
    public async Task SocketUpgrade_ForeignOrigin_IsRefused()
    {
        await using var server = await TestServer.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        Assert.That(() => socket.ConnectAsync(server.WsUri, CancellationToken.None), Throws.TypeOf<WebSocketException>().With.Message.Contains("403"));
        using var same = new ClientWebSocket();
        same.Options.SetRequestHeader("Origin", server.BaseUrl);
        await same.ConnectAsync(server.WsUri, CancellationToken.None);
        Assert.That(same.State, Is.EqualTo(WebSocketState.Open));
    }

    [Test]
    public async Task Socket_ClientFallsSilent_IsPingedThenClosedWith4408()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(time);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.WsUri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"type":"auth","token":"{{server.Token("vex")}}"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        var sawPing = false;
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var receive = socket.ReceiveAsync(buffer, CancellationToken.None);
            await Poll.UntilAsync(() =>
            {
                if (!receive.IsCompleted)
                {
                    time.Advance(TimeSpan.FromSeconds(5));
                }

                return receive.IsCompleted;
            }, "a frame or the close");
            var result = await receive;
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            sawPing |= Encoding.UTF8.GetString(buffer, 0, result.Count).Contains("\"ping\"", StringComparison.Ordinal);
        }

        Assert.That(sawPing, Is.True);
        Assert.That((int?)socket.CloseStatus, Is.EqualTo(4408));
    }
}
