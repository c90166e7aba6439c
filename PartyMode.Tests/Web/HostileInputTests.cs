using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

/// <summary>Bad text, bad numbers and dropped connections get clear answers, never a 500, a dead socket or a stack trace in the log.</summary>
public sealed class HostileInputTests
{
    // "text" holds the bytes FF FE: not UTF-8.
    private static readonly byte[] InvalidUtf8Body = [.. "{\"text\":\""u8, 0xFF, 0xFE, .. "\"}"u8];

    [Test]
    public async Task Bodies_WithTextThatIsNoUnicode_Answer400BadJsonNamingTheFieldAndLogNoTrace()
    {
        using var folder = new TempFolder();
        await using (var server = await TestServer.StartAsync(dataDirectory: folder.Path))
        {
            using var thorin = server.Client("thorin");
            using var dm = server.Client("dm");
            var answers = new[]
            {
                await thorin.PostAsync("/api/actions", Bytes(InvalidUtf8Body)),
                await thorin.PostAsync("/api/actions", Bytes("{\"text\":\"\\ud800\"}"u8.ToArray())),
                await dm.PostAsync("/api/dm/narrate", Bytes("{\"narrative\":\"ok\",\"private\":{\"thorin\":\"\\udfff x\"}}"u8.ToArray())),
                await dm.PostAsync("/api/dm/narrate", Bytes("{\"\\ud800\":1}"u8.ToArray())),
            };

            foreach (var answer in answers)
            {
                var body = await answer.Content.ReadAsStringAsync();
                Assert.That((int)answer.StatusCode, Is.EqualTo(400), body);
                Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("bad_json"));
            }

            Assert.That(await answers[0].Content.ReadAsStringAsync(), Does.Contain("'text'"));
            Assert.That(await answers[2].Content.ReadAsStringAsync(), Does.Contain("'thorin'"));
        }

        var log = ReadLogs(folder.Path);
        Assert.That(log, Does.Contain("POST /api/actions 400"), "the refusals are logged");
        Assert.That(log, Does.Not.Contain("Exception").And.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task RefusedRequests_InALoopFromOneAddress_AreLoggedOnlyUpToTheBudget()
    {
        using var folder = new TempFolder();
        await using (var server = await TestServer.StartAsync(dataDirectory: folder.Path))
        {
            using var http = new HttpClient(LoopbackFrom.Handler(LoopbackFrom.Address(9))) { BaseAddress = new Uri(server.BaseUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token("thorin"));
            for (var i = 0; i < 100; i++)
            {
                var answer = await http.PostAsync("/api/actions", Bytes("{\"text\":"u8.ToArray()));
                Assert.That((int)answer.StatusCode, Is.EqualTo(400));
            }
        }

        var lines = ReadLogs(folder.Path).Split('\n');
        Assert.That(lines.Count(l => l.Contains("POST /api/actions 400", StringComparison.Ordinal)), Is.EqualTo(30));
        Assert.That(lines.Count(l => l.Contains("Further refused requests from 127.0.0.9", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task SocketFrames_WithTextThatIsNoUnicode_GetAnErrorFrameAndTheSocketStaysOpen()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");

        await thorin.SendRawAsync("{\"type\":\"action\",\"text\":\"\\ud800\"}");
        var error = await thorin.WaitForAsync(f => f.Type == "error", "an error frame");
        Assert.That(error.Raw, Does.Contain("bad_json").And.Contain("'text'"));
        await thorin.SendRawAsync("{\"type\":\"action\",\"client_id\":\"\\udc00\",\"text\":\"hi\"}");
        await Poll.UntilAsync(() => thorin.OfType("error").Count() == 2, "a second error frame");
        Assert.That(thorin.OfType("error").Last().Raw, Does.Contain("'client_id'"));

        Assert.That(thorin.IsOpen, Is.True);
        await thorin.SendActionAsync("I look around.", "after-bad-frames");
        await thorin.WaitForAsync(f => f.Type == "action_status" && f.Raw.Contains("\"after-bad-frames\"", StringComparison.Ordinal), "the next action to be acknowledged");
    }

    [Test]
    public async Task AuthFrame_WithATokenThatIsNoUnicode_Closes4401AndLogsNoTrace()
    {
        using var folder = new TempFolder();
        await using (var server = await TestServer.StartAsync(dataDirectory: folder.Path))
        {
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(server.WsUri, CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"auth\",\"token\":\"\\ud800\\udbff\"}"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var answer = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.That(answer.MessageType, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That((int?)socket.CloseStatus, Is.EqualTo(4401));
        }

        Assert.That(ReadLogs(folder.Path), Does.Not.Contain("Exception").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Socket_DroppedBeforeAuthenticating_IsClosedQuietly()
    {
        using var folder = new TempFolder();
        await using (var server = await TestServer.StartAsync(dataDirectory: folder.Path))
        {
            for (var i = 0; i < 5; i++)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(server.WsUri, CancellationToken.None);
                await socket.SendAsync("{\"type\":\"au"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
                socket.Abort();
            }

            // The daemon still serves sockets.
            await using var thorin = await server.ConnectAsync("thorin");        }

        Assert.That(ReadLogs(folder.Path), Does.Not.Contain("Exception").And.Not.Contain("   at "));
    }

    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-1")]
    [TestCase("1e400")]
    public async Task NextAction_WaitThatIsNoNumberOfSeconds_Answers400(string wait)
    {
        await using var server = await TestServer.StartAsync();
        using var dm = server.Client("dm");

        var answer = await dm.PostAsync($"/api/dm/actions/next?wait={wait}", null);

        Assert.That((int)answer.StatusCode, Is.EqualTo(400), await answer.Content.ReadAsStringAsync());
        Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("bad_request"));
    }

    [TestCase("dm", "/api/dm/seats")]
    [TestCase("dm", "/api/dm/seats/thorin/qr.png")]
    [TestCase("thorin", "/api/session")]
    [TestCase("thorin", "/api/characters/thorin")]
    [TestCase("thorin", "/api/events")]
    [TestCase(null, "/api/session")]
    [TestCase("thorin", "/api/no-such-route")]
    public async Task ApiAnswers_Always_AreNoStore(string? seat, string path)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(seat);

        var answer = await client.GetAsync(path);

        Assert.That(answer.Headers.CacheControl?.NoStore, Is.True, $"{path} answered {(int)answer.StatusCode}");
    }

    [TestCase("/play?token=not-a-token", 401)]
    [TestCase("/static/no-such-file.js", 404)]
    [TestCase("/static/../party.db", 404)]
    [TestCase("/play", 200)]
    public async Task Pages_ErrorPagesToo_CarryTheSecurityHeaders(string path, int status)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(null);

        var answer = await client.GetAsync(path);

        Assert.That((int)answer.StatusCode, Is.EqualTo(status));
        Assert.That(answer.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'"));
        Assert.That(answer.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(answer.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        Assert.That(answer.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
    }

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string ReadLogs(string dataDirectory) =>
        string.Join("\n", Directory.GetFiles(Path.Combine(dataDirectory, "logs")).Select(File.ReadAllText));
}
