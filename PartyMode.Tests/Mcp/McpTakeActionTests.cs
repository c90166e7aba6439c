using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary><c>party_pop_action(action_id=…)</c>: the AI takes one pending action out of turn (docs/protocol.md §3.7.18).</summary>
public sealed class McpTakeActionTests
{
    [Test]
    public async Task PopAction_WithActionId_TakesThatOneAndTheOldestStaysPending()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        var first = (await server.SubmitAsync("thorin", "I study the map for an hour.")).GetProperty("id").GetString()!;
        var quick = (await server.SubmitAsync("vex", "Is anyone watching us?")).GetProperty("id").GetString()!;

        var taken = await mcp.CallOkAsync("party_pop_action", new() { ["action_id"] = quick });
        var next = await mcp.CallOkAsync("party_pop_action");

        Assert.That(taken.StructuredContent!.Value.GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(quick));
        Assert.That(McpHarness.Text(taken), Does.Contain("Is anyone watching us?").And.Contain($"party_resolve_action(action_id=\"{quick}\""));
        Assert.That(next.StructuredContent!.Value.GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(first));
    }

    [Test]
    public async Task PopAction_WithActionIdNotPending_ErrorSaysWhy()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        var id = (await server.SubmitAsync("elara", "I listen at the door.")).GetProperty("id").GetString()!;
        await mcp.CallOkAsync("party_pop_action", new() { ["action_id"] = id });

        var again = await mcp.CallAsync("party_pop_action", new() { ["action_id"] = id });

        Assert.That(again.IsError, Is.True);
        Assert.That(McpHarness.Text(again), Does.Contain("only a pending action can be taken"));
    }
}
