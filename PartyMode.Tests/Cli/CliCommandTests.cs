using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Commands;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Cli;

/// <summary><c>status</c>, <c>token show/refresh/kick</c> and <c>stop</c> against a running in-process PartyServer.</summary>
public sealed class CliCommandTests
{
    private static readonly string[] SeatFields = ["seat", "role", "name", "token", "url", "qr", "kicked"];

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Status_DaemonRunning_PrintsSeatsConnectionsAndQueue()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");
        await server.SubmitAsync("thorin", "I look around.");

        var (code, output, error) = await RunAsync("status", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        Assert.That(output, Does.Contain("is running").And.Contain(server.BaseUrl).And.Contain("1 pending"));
        var thorinLine = output.Split('\n').Single(l => l.StartsWith("thorin ", StringComparison.Ordinal));
        var vexLine = output.Split('\n').Single(l => l.StartsWith("vex ", StringComparison.Ordinal));
        Assert.That(thorinLine, Does.Contain("yes (1)"));
        Assert.That(vexLine, Does.Contain(" no "));
        Assert.That(output, Does.Contain("none (exploration)"));
    }

    [Test]
    public async Task Status_Json_PrintsTheDmStatusObject()
    {
        await using var server = await TestServer.StartAsync();
        await server.SubmitAsync("elara", "I read the runes.");

        var (code, output, _) = await RunAsync("status", "--json", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok));
        var json = JsonDocument.Parse(output).RootElement;
        Assert.That(json.GetProperty("queue").GetProperty("pending").GetInt32(), Is.EqualTo(1));
        Assert.That(json.GetProperty("urls").GetProperty("local").GetString(), Is.EqualTo(server.BaseUrl));
        Assert.That(json.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seat").GetString()), Does.Contain("observer").And.Contain("gorm"));
    }

    [Test]
    public async Task TokenShowJson_DaemonRunning_PrintsExactlyTheDmSeatsShape()
    {
        await using var server = await TestServer.StartAsync();
        var seats = await server.GetJsonAsync("dm", "/api/dm/seats");

        var (code, output, _) = await RunAsync("token", "show", "--json", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(output), JsonNode.Parse(seats.GetRawText())), Is.True, output);
        var first = JsonDocument.Parse(output).RootElement.GetProperty("seats")[0];
        Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(SeatFields));
    }

    [Test]
    public async Task TokenShow_OneSeat_PrintsItsJoinUrlAndATerminalQrCode()
    {
        // A fixed key: the decoded code is always the same one (ZXing misses about one code in sixty; BannerTests).
        using var folder = new TempFolder();
        await using var server = await BannerTests.StartWithFixedKeyAsync(folder.Path, publicUrl: null);

        var (code, output, _) = await RunAsync("token", "show", "elara", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok));
        Assert.That(output, Does.Contain("token=" + server.Token("elara")));
        Assert.That(QrReader.Decode(output, TerminalScreen.Theme.Light), Does.EndWith("token=" + server.Token("elara")));
        Assert.That(output, Does.Not.Contain(server.Token("thorin")));
    }

    [Test]
    public async Task TokenShow_UnknownSeat_FailsNamingTheSeats()
    {
        await using var server = await TestServer.StartAsync();

        var (code, _, error) = await RunAsync("token", "show", "bilbo", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error, Does.Contain("bilbo").And.Contain("thorin"));
    }

    [Test]
    public async Task TokenRefresh_DaemonRunning_OldTokenStopsWorkingAndTheNewUrlIsPrinted()
    {
        await using var server = await TestServer.StartAsync();
        var oldToken = server.Token("vex");

        var (code, output, error) = await RunAsync("token", "refresh", "vex", "--json", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        var seat = JsonDocument.Parse(output).RootElement;
        var newToken = server.Token("vex");
        Assert.That(newToken, Is.Not.EqualTo(oldToken));
        Assert.That(seat.GetProperty("token").GetString(), Is.EqualTo(newToken));
        Assert.That(seat.GetProperty("url").GetString(), Does.EndWith("token=" + newToken));
        using var old = server.ClientWithToken(oldToken);
        Assert.That((await old.GetAsync("/api/session")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TokenKick_DaemonRunning_ClosesTheSeatsSocketWith4403()
    {
        await using var server = await TestServer.StartAsync();
        await using var vex = await server.ConnectAsync("vex");
        await using var gorm = await server.ConnectAsync("gorm");

        var (code, output, error) = await RunAsync("token", "kick", "vex", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        Assert.That(output, Does.Contain("Kicked 'vex'").And.Contain("1 connection(s) closed"));
        await vex.WaitClosedAsync();
        Assert.That(vex.CloseCode, Is.EqualTo(4403));
        Assert.That(gorm.IsOpen, Is.True);
    }

    [Test]
    public async Task TokenKick_UnknownSeat_FailsWithOneSentence()
    {
        await using var server = await TestServer.StartAsync();

        var (code, _, error) = await RunAsync("token", "kick", "bilbo", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error, Does.Contain("bilbo"));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Stop_DaemonRunning_StopsItAndReportsStoredActions()
    {
        await using var server = await TestServer.StartAsync();
        await server.SubmitAsync("gorm", "I pray.");

        var (code, output, error) = await RunAsync("stop", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        Assert.That(output, Does.Contain("stopped").And.Contain("1 pending"));
        Assert.That(File.Exists(Path.Combine(server.DataDirectory, "daemon.json")), Is.False);
        // daemon.json is the last thing the daemon removes; its stop completes right after.
        await Poll.UntilAsync(() => server.Server.Stopped.IsCompleted, "the daemon's stop to complete");
    }
}
