using System.Text.Json;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>party_request_roll, party_get_roll_request and party_cancel_roll_request (CLI-MCP v2) over /api/dm/roll-requests.</summary>
public sealed class McpRollToolTests
{
    [Test]
    public async Task RequestRoll_OverStdio_WaitsForThePlayersRollAndReportsSuccess()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        await using var vex = await server.ConnectAsync("vex");

        var asking = mcp.CallOkAsync("party_request_roll", new() { ["player"] = "vex", ["check"] = "save:dex", ["dc"] = 30, ["reason"] = "The floor gives way", ["wait_seconds"] = 30 });
        var card = await vex.WaitForAsync(f => f.Type == "roll_request", "the roll request");
        Assert.That(card.Raw, Does.Contain("The floor gives way").And.Not.Contain("\"dc\""));
        var id = card.Json.GetProperty("request").GetProperty("id").GetString();
        await vex.SendRawAsync(JsonSerializer.Serialize(new { type = "roll", request_id = id, physical = true, result = 11 }));

        var answer = await asking;
        var request = answer.StructuredContent!.Value.GetProperty("request");
        Assert.That((request.GetProperty("status").GetString(), request.GetProperty("roll").GetProperty("total").GetInt32(), request.GetProperty("success").GetBoolean()), Is.EqualTo(("rolled", 16, false)));
        Assert.That(McpHarness.Text(answer), Does.Contain("rolled 16").And.Contain("DC 30").And.Contain("failure"));
    }

    [Test]
    public async Task RequestRoll_NoWaitThenGetAndCancel_ReportsOpenThenCancelled()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var open = await mcp.CallOkAsync("party_request_roll", new() { ["player"] = "thorin", ["check"] = "skill:athletics", ["wait_seconds"] = 0 });
        var id = open.StructuredContent!.Value.GetProperty("request").GetProperty("id").GetString()!;
        Assert.That(McpHarness.Text(open), Does.Contain(id).And.Contain("still open").And.Contain("party_get_roll_request"));
        var got = await mcp.CallOkAsync("party_get_roll_request", new() { ["id"] = id, ["wait_seconds"] = 1 });
        Assert.That(got.StructuredContent!.Value.GetProperty("request").GetProperty("status").GetString(), Is.EqualTo("open"));
        var cancelled = await mcp.CallOkAsync("party_cancel_roll_request", new() { ["id"] = id });
        Assert.That(cancelled.StructuredContent!.Value.GetProperty("request").GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        var again = await mcp.CallAsync("party_cancel_roll_request", new() { ["id"] = id });
        Assert.That(again.IsError, Is.True);
    }

    [Test]
    public async Task RequestRoll_BadArguments_AreToolErrorsNamingTheProblem()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var unknown = await mcp.CallAsync("party_request_roll", new() { ["player"] = "bob", ["check"] = "save:dex", ["wait_seconds"] = 0 });
        Assert.That((unknown.IsError, McpHarness.Text(unknown)), Is.EqualTo((true, McpHarness.Text(unknown))));
        Assert.That(McpHarness.Text(unknown), Does.Contain("bob"));
        var badRef = await mcp.CallAsync("party_request_roll", new() { ["player"] = "vex", ["check"] = "skill:flying", ["wait_seconds"] = 0 });
        Assert.That(badRef.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("unknown_reference"));
        var empty = await mcp.CallAsync("party_request_roll", new() { ["player"] = "vex", ["check"] = " " });
        Assert.That(McpHarness.Text(empty), Does.Contain("check"));
    }
}
