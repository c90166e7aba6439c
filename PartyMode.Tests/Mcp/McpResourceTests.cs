using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>Resources, subscriptions, completions, channel push and QR images of CLI-MCP v2, through the real <c>partymode mcp</c>.</summary>
public sealed class McpResourceTests
{
    private static readonly string[] Direct = ["partymode://party", "partymode://combat", "partymode://queue", "partymode://story/recent"];

    [Test]
    public async Task Resources_Listed_AreTheFourViewsAndTheCharacterTemplate()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);

        var resources = await mcp.Client.ListResourcesAsync();
        var templates = await mcp.Client.ListResourceTemplatesAsync();

        Assert.That(resources.Select(r => r.Uri), Is.EquivalentTo(Direct));
        Assert.That(resources.All(r => r.MimeType == "application/json"), Is.True);
        Assert.That(templates.Select(t => t.UriTemplate), Is.EquivalentTo(new[] { "partymode://characters/{id}" }));
    }

    [Test]
    public async Task ReadResource_EachView_IsJsonOfTheTable()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        await server.SubmitAsync("elara", "I look around");

        var party = await ReadJsonAsync(mcp, "partymode://party");
        var combat = await ReadJsonAsync(mcp, "partymode://combat");
        var queue = await ReadJsonAsync(mcp, "partymode://queue");
        var story = await ReadJsonAsync(mcp, "partymode://story/recent");
        var thorin = await ReadJsonAsync(mcp, "partymode://characters/thorin");
        var npc = await ReadJsonAsync(mcp, "partymode://characters/villain");

        Assert.Multiple(() =>
        {
            Assert.That(party.GetProperty("party").EnumerateArray().Select(p => p.GetProperty("id").GetString()), Is.SupersetOf(TestServer.Players));
            Assert.That(combat.GetProperty("combat").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(queue.GetProperty("counts").GetProperty("pending").GetInt32(), Is.EqualTo(1));
            Assert.That(queue.GetProperty("actions")[0].GetProperty("text").GetString(), Does.StartWith("<player_action player=\"elara\""));
            Assert.That(story.GetProperty("events").GetArrayLength(), Is.GreaterThan(0).And.LessThanOrEqualTo(50));
            Assert.That(thorin.GetProperty("character").GetProperty("id").GetString(), Is.EqualTo("thorin"));
            Assert.That(npc.GetProperty("npc").GetProperty("id").GetString(), Is.EqualTo("villain"));
        });
    }

    [Test]
    public async Task StoryRecent_MoreThanFiftyEvents_IsTheNewestFifty()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        for (var i = 0; i < 60; i++)
        {
            await server.DmPostAsync("/api/dm/narrate", new { narrative = $"n-{i}" });
        }

        var story = await ReadJsonAsync(mcp, "partymode://story/recent");

        var events = story.GetProperty("events").EnumerateArray().ToList();
        Assert.That(events, Has.Count.EqualTo(50));
        Assert.That(events[^1].GetProperty("text").GetString(), Is.EqualTo("n-59"));
        Assert.That(events.Select(e => e.GetProperty("seq").GetInt64()), Is.Ordered.Ascending);
    }

    [Test]
    public async Task Subscribe_QueueAndParty_ServerSendsResourceUpdatedWhenTheyChange()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory, Legacy());
        var updated = new ConcurrentQueue<string>();
        foreach (var uri in new[] { "partymode://queue", "partymode://party", "partymode://characters/gorm" })
        {
            await mcp.Client.SubscribeToResourceAsync(uri, (n, _) => { updated.Enqueue(n.Uri); return ValueTask.CompletedTask; });
        }

        // The watcher connects in the background: keep the table changing until the first update arrives.
        await Poll.UntilAsync(async () =>
        {
            await server.SubmitAsync("thorin", "I knock");
            return updated.Contains("partymode://queue");
        }, "a queue update");
        await mcp.CallOkAsync("update_character", new() { ["id"] = "gorm", ["changes"] = new Dictionary<string, object> { ["hp"] = 5 } });
        await Poll.UntilAsync(() => updated.Contains("partymode://party") && updated.Contains("partymode://characters/gorm"), "party and gorm updates");

        Assert.That(updated, Does.Not.Contain("partymode://combat"));
    }

    [TestCase(null)]
    [TestCase("2025-11-25")]
    public async Task ChannelCapability_NewPendingAction_IsPushedNamingThePlayerAndTheActionId(string? protocol)
    {
        await using var server = await TestServer.StartAsync();
        var options = new McpClientOptions
        {
            ProtocolVersion = protocol,
            Capabilities = new ClientCapabilities { Experimental = new Dictionary<string, object> { ["claude/channel"] = new JsonObject() } },
        };
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory, options);
        var pushed = new ConcurrentQueue<JsonElement>();
        await using var registration = mcp.Client.RegisterNotificationHandler("notifications/claude/channel", (n, _) =>
        {
            pushed.Enqueue(n.Params!.Deserialize<JsonElement>());
            return ValueTask.CompletedTask;
        });
        Assert.That(mcp.Client.ServerCapabilities.Experimental!.ContainsKey("claude/channel"), Is.True);
        await mcp.Client.ListToolsAsync();

        var ids = new List<string>();
        await Poll.UntilAsync(async () =>
        {
            ids.Add((await server.SubmitAsync("vex", "I hide")).GetProperty("id").GetString()!);
            return !pushed.IsEmpty;
        }, "a channel notification");

        var notice = pushed.First();
        var meta = notice.GetProperty("meta");
        Assert.That(meta.GetProperty("player").GetString(), Is.EqualTo("vex"));
        Assert.That(ids, Does.Contain(meta.GetProperty("action_id").GetString()));
        Assert.That(notice.GetProperty("content").GetString(), Does.Contain("vex").And.Contain(meta.GetProperty("action_id").GetString()!).And.Contain("party_pop_action"));
        Assert.That(notice.GetProperty("content").GetString(), Does.Not.Contain("I hide"));
    }

    [Test]
    public async Task SubscriptionsListen_QueueOnTheNewProtocol_AcknowledgesAndStreamsUpdates()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        var acknowledged = new ConcurrentQueue<JsonElement>();
        var updated = new ConcurrentQueue<JsonElement>();
        await using var ack = mcp.Client.RegisterNotificationHandler("notifications/subscriptions/acknowledged", (n, _) => { acknowledged.Enqueue(n.Params!.Deserialize<JsonElement>()); return ValueTask.CompletedTask; });
        await using var upd = mcp.Client.RegisterNotificationHandler("notifications/resources/updated", (n, _) => { updated.Enqueue(n.Params!.Deserialize<JsonElement>()); return ValueTask.CompletedTask; });
        using var listening = new CancellationTokenSource();
        var request = new JsonRpcRequest
        {
            Method = "subscriptions/listen",
            Params = new JsonObject { ["notifications"] = new JsonObject { ["resourceSubscriptions"] = new JsonArray("partymode://queue") } },
        };
        _ = mcp.Client.SendRequestAsync(request, listening.Token);

        await Poll.UntilAsync(() => !acknowledged.IsEmpty, "the acknowledgement");
        await Poll.UntilAsync(async () =>
        {
            await server.SubmitAsync("elara", "I listen");
            return !updated.IsEmpty;
        }, "a queue update on the stream");
        await listening.CancelAsync();

        Assert.That(acknowledged.First().GetProperty("notifications").GetProperty("resourceSubscriptions")[0].GetString(), Is.EqualTo("partymode://queue"));
        Assert.That(updated.First().GetProperty("uri").GetString(), Is.EqualTo("partymode://queue"));
    }

    [Test]
    public async Task NoChannelCapability_NewPendingAction_IsNotPushed()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory, Legacy());
        var pushed = 0;
        await using var registration = mcp.Client.RegisterNotificationHandler("notifications/claude/channel", (_, _) => { Interlocked.Increment(ref pushed); return ValueTask.CompletedTask; });
        var updated = false;
        // A subscription starts the watcher, so a missing push is the capability's doing, not a watcher not running.
        await mcp.Client.SubscribeToResourceAsync("partymode://queue", (_, _) => { updated = true; return ValueTask.CompletedTask; });

        await Poll.UntilAsync(async () =>
        {
            await server.SubmitAsync("gorm", "I wait");
            return updated;
        }, "a queue update");

        Assert.That(pushed, Is.Zero);
    }

    [Test]
    public async Task Complete_PromptPlayerAndTemplateId_SuggestSeatAndEntityIds()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);

        var seats = await mcp.Client.CompleteAsync(new PromptReference { Name = "party-kick" }, "player", string.Empty);
        var typed = await mcp.Client.CompleteAsync(new PromptReference { Name = "party-token" }, "player", "th");
        var ids = await mcp.Client.CompleteAsync(new ResourceTemplateReference { Uri = "partymode://characters/{id}" }, "id", string.Empty);

        Assert.That(seats.Completion.Values, Is.SupersetOf(TestServer.Players).And.Contain("observer").And.Not.Contain("dm"));
        Assert.That(typed.Completion.Values, Is.EqualTo(new[] { "thorin" }));
        Assert.That(ids.Completion.Values, Is.SupersetOf(TestServer.Players).And.Contain("villain").And.Contain("tavern"));
    }

    [Test]
    public async Task QrCodes_StartAndRefresh_AreAlsoPngImageContent()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);

        var start = await mcp.CallOkAsync("start_party_mode");
        var refresh = await mcp.CallOkAsync("party_refresh_token", new() { ["player"] = "elara" });

        var startImages = start.Content.OfType<ImageContentBlock>().ToList();
        var refreshImages = refresh.Content.OfType<ImageContentBlock>().ToList();
        Assert.That(startImages, Has.Count.EqualTo(TestServer.Players.Length + 1), "one per player seat and the observer");
        Assert.That(refreshImages, Has.Count.EqualTo(1));
        foreach (var image in startImages.Concat(refreshImages))
        {
            Assert.That(image.MimeType, Is.EqualTo("image/png"));
            var bytes = Convert.FromBase64String(System.Text.Encoding.UTF8.GetString(image.Data.Span));
            Assert.That(bytes.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        }
    }

    // resources/subscribe belongs to the initialize-handshake revisions (2026-07-28 uses subscriptions/listen).
    private static McpClientOptions Legacy() => new() { ProtocolVersion = "2025-11-25" };

    private static async Task<JsonElement> ReadJsonAsync(McpHarness mcp, string uri)
    {
        var result = await mcp.Client.ReadResourceAsync(uri);
        var text = result.Contents.OfType<TextResourceContents>().Single().Text;
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
