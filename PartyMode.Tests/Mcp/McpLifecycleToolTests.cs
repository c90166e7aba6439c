using System.Text.Json;
using ModelContextProtocol.Protocol;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>start_party_mode, get_party_status and stop_party_mode against an in-process PartyServer.</summary>
public sealed class McpLifecycleToolTests
{
    private static JsonElement Structured(CallToolResult result) => result.StructuredContent!.Value;

    [Test]
    public async Task GetPartyStatus_PlayerConnectedAndActionPending_ReportsBoth()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var gorm = await server.ConnectAsync("gorm");
        await server.SubmitAsync("gorm", "I bless the party.");

        var result = await mcp.CallOkAsync("get_party_status");

        var status = Structured(result);
        Assert.That(status.GetProperty("queue").GetProperty("pending").GetInt32(), Is.EqualTo(1));
        var gormSeat = status.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("seat").GetString() == "gorm");
        Assert.That(gormSeat.GetProperty("connected").GetBoolean(), Is.True);
        Assert.That(McpHarness.Text(result), Does.Contain("1 pending").And.Contain("gorm"));
    }

    [Test]
    public async Task StartPartyMode_AlreadyRunning_ReturnsTheRunningDaemonsJoinLinks()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var result = await mcp.CallOkAsync("start_party_mode");

        var structured = Structured(result);
        Assert.That(structured.GetProperty("already_running").GetBoolean(), Is.True);
        Assert.That(structured.GetProperty("urls").GetProperty("local").GetString(), Is.EqualTo(server.BaseUrl));
        var thorin = structured.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("seat").GetString() == "thorin");
        Assert.That(thorin.GetProperty("url").GetString(), Does.EndWith("token=" + server.Token("thorin")));
        Assert.That(McpHarness.Text(result), Does.Contain("already running").And.Contain("QR image"));
    }

    [Test]
    public async Task StopPartyMode_Running_StopsTheDaemonAndLaterToolsSayNotRunning()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await server.SubmitAsync("vex", "I hide.");

        var stopped = await mcp.CallOkAsync("stop_party_mode");
        var after = await mcp.CallAsync("get_party_status");

        Assert.That(Structured(stopped).GetProperty("pending").GetInt32(), Is.EqualTo(1));
        Assert.That(McpHarness.Text(stopped), Does.Contain("stopped").And.Contain("1 pending"));
        Assert.That(server.Server.Stopped.IsCompleted, Is.True);
        Assert.That(after.IsError, Is.True);
        Assert.That(McpHarness.Text(after), Does.Contain("call start_party_mode"));
    }

    [Test]
    public async Task StopPartyMode_NothingRunning_IsANotRunningToolError()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.InProcessAsync(Path.Combine(temp.Path, "data"));

        var result = await mcp.CallAsync("stop_party_mode");

        Assert.That(result.IsError, Is.True);
        Assert.That(Structured(result).GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("not_running"));
    }
}
