using System.Text.Json;
using ModelContextProtocol.Protocol;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>The action and messaging tools, in-process over pipes, against a running PartyServer.</summary>
public sealed class McpActionToolTests
{
    private static readonly string[] OnlyVex = ["vex"];

    private static JsonElement Structured(CallToolResult result) => result.StructuredContent!.Value;

    /// <summary>A public narration every socket must receive: once it arrived, everything before it has too.</summary>
    private static async Task SentinelAsync(McpHarness mcp, params SimulatedPlayer[] sockets)
    {
        var marker = "sentinel-" + Guid.NewGuid().ToString("N");
        await mcp.CallOkAsync("party_narrate", new() { ["narrative"] = marker });
        foreach (var socket in sockets)
        {
            await socket.WaitForTextAsync(marker);
        }
    }

    [Test]
    public async Task PopAction_EmptyQueue_SaysNoPendingActions()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var result = await mcp.CallOkAsync("party_pop_action");

        Assert.That(McpHarness.Text(result), Does.StartWith("No pending actions"));
        Assert.That(Structured(result).GetProperty("action").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task PopAction_WaitingWhileAPlayerSubmits_ReturnsThatActionAsProcessing()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var pop = mcp.CallOkAsync("party_pop_action", new() { ["wait_seconds"] = 20 });
        var submitted = await server.SubmitAsync("elara", "I cast Detect Magic.");
        var result = await pop;

        var action = Structured(result).GetProperty("action");
        Assert.That(action.GetProperty("id").GetString(), Is.EqualTo(submitted.GetProperty("id").GetString()));
        Assert.That(action.GetProperty("status").GetString(), Is.EqualTo("processing"));
        Assert.That(McpHarness.Text(result), Does.Contain("I cast Detect Magic.").And.Contain("party_resolve_action"));
    }

    [Test]
    public async Task ResolveAction_PrivateMessagesAsJsonText_ReachOnlyThatPlayer()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var vex = await server.ConnectAsync("vex");
        await using var gorm = await server.ConnectAsync("gorm");
        await server.SubmitAsync("vex", "I pick the lock.");
        var id = Structured(await mcp.CallOkAsync("party_pop_action")).GetProperty("action").GetProperty("id").GetString();

        var result = await mcp.CallOkAsync("party_resolve_action", new()
        {
            ["action_id"] = id,
            ["narrative"] = "The lock clicks open.",
            ["private_messages"] = "{\"vex\": \"secret-vex-1\"}",
            ["dm_notes"] = "note-dm-1",
        });

        Assert.That(Structured(result).GetProperty("action").GetProperty("status").GetString(), Is.EqualTo("resolved"));
        await vex.WaitForTextAsync("secret-vex-1");
        await SentinelAsync(mcp, vex, gorm);
        Assert.That(gorm.Frames.Any(f => f.Raw.Contains("The lock clicks open.", StringComparison.Ordinal)), Is.True);
        Assert.That(gorm.Frames.Any(f => f.Raw.Contains("secret-vex-1", StringComparison.Ordinal)), Is.False);
        Assert.That(vex.Frames.Concat(gorm.Frames).Any(f => f.Raw.Contains("note-dm-1", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task ResolveAction_PrivateActionWithActorAudience_NarrativeReachesOnlyTheActor()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var vex = await server.ConnectAsync("vex");
        await using var gorm = await server.ConnectAsync("gorm");
        await server.SubmitAsync("vex", "I pocket the ring.", isPrivate: true);
        var id = Structured(await mcp.CallOkAsync("party_pop_action")).GetProperty("action").GetProperty("id").GetString();

        await mcp.CallOkAsync("party_resolve_action", new() { ["action_id"] = id, ["narrative"] = "ring-answer-1", ["audience"] = OnlyVex });

        await vex.WaitForTextAsync("ring-answer-1");
        await SentinelAsync(mcp, vex, gorm);
        Assert.That(gorm.Frames.Any(f => f.Raw.Contains("ring-answer-1", StringComparison.Ordinal) || f.Raw.Contains("I pocket the ring.", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task ResolveAction_AlreadyResolved_IsAToolErrorWithTheApiCode()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await server.SubmitAsync("thorin", "I attack.");
        var id = Structured(await mcp.CallOkAsync("party_pop_action")).GetProperty("action").GetProperty("id").GetString();
        await mcp.CallOkAsync("party_resolve_action", new() { ["action_id"] = id, ["narrative"] = "Hit." });

        var again = await mcp.CallAsync("party_resolve_action", new() { ["action_id"] = id, ["narrative"] = "Hit again." });

        Assert.That(again.IsError, Is.True);
        Assert.That(Structured(again).GetProperty("error").GetProperty("code").GetString(), Is.Not.Empty.And.Not.EqualTo("not_running"));
    }

    [Test]
    public async Task ResolveAction_PrivateMessagesNotJson_IsABadArgumentError()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var result = await mcp.CallAsync("party_resolve_action", new() { ["action_id"] = "act_000001", ["narrative"] = "x", ["private_messages"] = "thorin: hello" });

        Assert.That(result.IsError, Is.True);
        Assert.That(McpHarness.Text(result), Does.Contain("private_messages").And.Contain("{\"thorin\""));
    }

    [Test]
    public async Task RequeueThenCancel_PoppedAction_GoesBackToPendingThenTellsThePlayer()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var thorin = await server.ConnectAsync("thorin");
        await server.SubmitAsync("thorin", "I juggle torches.");
        var id = Structured(await mcp.CallOkAsync("party_pop_action")).GetProperty("action").GetProperty("id").GetString()!;

        var requeued = await mcp.CallOkAsync("party_requeue_action", new() { ["action_id"] = id });
        var again = await mcp.CallOkAsync("party_pop_action");
        var cancelled = await mcp.CallOkAsync("party_cancel_action", new() { ["action_id"] = id, ["reason"] = "Not now." });

        Assert.That(Structured(requeued).GetProperty("action").GetProperty("status").GetString(), Is.EqualTo("pending"));
        Assert.That(Structured(again).GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(Structured(cancelled).GetProperty("action").GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        await thorin.WaitForAsync(f => f.Type == "action_status" && f.Raw.Contains("cancelled", StringComparison.Ordinal), "cancelled status");
    }

    [Test]
    public async Task Narrate_AudienceList_ReachesOnlyThosePlayers()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var vex = await server.ConnectAsync("vex");
        await using var elara = await server.ConnectAsync("elara");
        await using var observer = await server.ConnectAsync("observer");

        var toVex = await mcp.CallOkAsync("party_narrate", new() { ["narrative"] = "only-vex-1", ["audience"] = OnlyVex });
        var toParty = await mcp.CallOkAsync("party_narrate", new() { ["narrative"] = "party-only-1", ["audience"] = "party" });

        Assert.That(Structured(toVex).GetProperty("events").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(McpHarness.Text(toParty), Does.StartWith("Sent 1 event"));
        await vex.WaitForTextAsync("only-vex-1");
        await elara.WaitForTextAsync("party-only-1");
        await SentinelAsync(mcp, vex, elara, observer);
        Assert.That(elara.Frames.Any(f => f.Raw.Contains("only-vex-1", StringComparison.Ordinal)), Is.False);
        Assert.That(observer.Frames.Any(f => f.Raw.Contains("only-vex-1", StringComparison.Ordinal) || f.Raw.Contains("party-only-1", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task Whisper_CommaSeparatedPlayers_ReachesBothAndNobodyElse()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var elara = await server.ConnectAsync("elara");
        await using var gorm = await server.ConnectAsync("gorm");
        await using var thorin = await server.ConnectAsync("thorin");

        await mcp.CallOkAsync("party_whisper", new() { ["players"] = "elara, gorm", ["text"] = "whisper-eg-1" });

        await elara.WaitForTextAsync("whisper-eg-1");
        await gorm.WaitForTextAsync("whisper-eg-1");
        await SentinelAsync(mcp, thorin);
        Assert.That(thorin.Frames.Any(f => f.Raw.Contains("whisper-eg-1", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task Roll_PrivateAndBlind_OnlyTheNamedPlayerSeesThePrivateOne()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var vex = await server.ConnectAsync("vex");
        await using var thorin = await server.ConnectAsync("thorin");

        var open = await mcp.CallOkAsync("party_roll", new() { ["expr"] = "2d6+3", ["label"] = "open-roll" });
        var secret = await mcp.CallOkAsync("party_roll", new() { ["expr"] = "1d20+7", ["visibility"] = "private", ["player"] = "vex", ["label"] = "vex-stealth" });
        var blind = await mcp.CallOkAsync("party_roll", new() { ["expr"] = "1d20", ["visibility"] = "dm", ["label"] = "blind-roll" });

        var total = Structured(open).GetProperty("roll").GetProperty("total").GetInt32();
        Assert.That(total, Is.InRange(5, 15));
        Assert.That(McpHarness.Text(open), Does.Contain("= " + total));
        await vex.WaitForTextAsync("vex-stealth");
        await SentinelAsync(mcp, vex, thorin);
        Assert.That(thorin.Frames.Any(f => f.Raw.Contains("open-roll", StringComparison.Ordinal)), Is.True);
        Assert.That(thorin.Frames.Any(f => f.Raw.Contains("vex-stealth", StringComparison.Ordinal)), Is.False);
        Assert.That(vex.Frames.Concat(thorin.Frames).Any(f => f.Raw.Contains("blind-roll", StringComparison.Ordinal)), Is.False);
        Assert.That(Structured(secret).GetProperty("roll").GetProperty("for").GetString(), Is.EqualTo("vex"));
        Assert.That(Structured(blind).GetProperty("roll").GetProperty("total").GetInt32(), Is.InRange(1, 20));
    }

    [Test]
    public async Task Roll_BadExpression_IsABadDiceToolError()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);

        var result = await mcp.CallAsync("party_roll", new() { ["expr"] = "2d" });

        Assert.That(result.IsError, Is.True);
        Assert.That(Structured(result).GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("bad_dice"));
        Assert.That(McpHarness.Text(result), Does.Contain("1d20+5"));
    }
}
