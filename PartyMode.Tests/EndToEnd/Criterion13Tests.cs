using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>MCP tool calls while four players act and listen over WebSocket: nobody disturbs anybody.</summary>
[Category("E2E")]
public sealed class Criterion13Tests
{
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(4);

    [Test]
    public async Task C13_McpNonInterference_ToolCallsWhilePlayersPushActions_NothingLostOrDuplicated()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        var players = new List<SimulatedPlayer>();
        foreach (var seat in TestServer.Players)
        {
            players.Add(await server.ConnectAsync(seat));
        }

        try
        {
            var welcomeSeq = players.ToDictionary(p => p.Seat, p => p.Frames.First(f => f.Type == "welcome").Json.GetProperty("last_seq").GetInt64());
            var sent = new ConcurrentDictionary<string, int>();
            var failures = new ConcurrentQueue<string>();
            var calls = 0;
            var resolved = 0;
            var watch = Stopwatch.StartNew();

            var playerLoops = players.Select(async player =>
            {
                var n = 0;
                while (watch.Elapsed < Busy)
                {
                    var clientId = $"{player.Seat}-{n}";
                    await player.SendActionAsync($"{player.Seat} action {n}", clientId);
                    n++;
                    await player.WaitForAsync(f => f.Type == "action_status" && f.Raw.Contains($"\"{clientId}\"", StringComparison.Ordinal), "acknowledgement of " + clientId);
                }

                sent[player.Seat] = n;
            }).ToList();

            var mcpLoop = Task.Run(async () =>
            {
                var round = 0;
                while (watch.Elapsed < Busy)
                {
                    round++;
                    var (tool, args) = (round % 5) switch
                    {
                        0 => ("get_party_status", new Dictionary<string, object?>()),
                        1 => ("list_characters", new Dictionary<string, object?>()),
                        2 => ("party_roll", new Dictionary<string, object?> { ["expr"] = "1d20", ["label"] = $"busy-roll-{round}" }),
                        3 => ("party_narrate", new Dictionary<string, object?> { ["narrative"] = $"busy-narrate-{round}" }),
                        _ => ("party_pop_action", new Dictionary<string, object?>()),
                    };
                    var result = await mcp.CallAsync(tool, args);
                    Interlocked.Increment(ref calls);
                    if (result.IsError == true)
                    {
                        failures.Enqueue($"{tool}: {McpHarness.Text(result)}");
                        continue;
                    }

                    if (tool == "party_pop_action" && result.StructuredContent!.Value.GetProperty("action") is { ValueKind: JsonValueKind.Object } action)
                    {
                        var resolve = await mcp.CallAsync("party_resolve_action", new() { ["action_id"] = action.GetProperty("id").GetString(), ["narrative"] = "busy-resolved" });
                        Interlocked.Increment(ref calls);
                        if (resolve.IsError == true)
                        {
                            failures.Enqueue("party_resolve_action: " + McpHarness.Text(resolve));
                        }
                        else
                        {
                            Interlocked.Increment(ref resolved);
                        }
                    }
                }
            });

            await Task.WhenAll(playerLoops.Append(mcpLoop));
            await mcp.CallOkAsync("party_narrate", new() { ["narrative"] = "busy-end" });
            foreach (var player in players)
            {
                await player.WaitForTextAsync("busy-end");
            }

            Assert.That(failures, Is.Empty);
            Assert.That(calls, Is.GreaterThan(10));
            Assert.That(resolved, Is.GreaterThan(0));
            foreach (var player in players)
            {
                Assert.That(player.IsOpen, Is.True, $"{player.Seat}'s socket dropped");
                Assert.That(player.Connections, Is.EqualTo(1));
                Assert.That(player.OfType("error"), Is.Empty, $"{player.Seat} got an error frame");
                var acknowledged = player.OfType("action_status").Select(f => f.Json.GetProperty("client_id").GetString()).Distinct().Count();
                Assert.That(acknowledged, Is.EqualTo(sent[player.Seat]), $"{player.Seat}: every action acknowledged");

                var all = player.Events.Select(e => e.Seq!.Value).ToList();
                Assert.That(all, Is.Ordered.Ascending.And.Unique, $"{player.Seat}: events in order, none twice");
                var received = all.Where(s => s > welcomeSeq[player.Seat]).ToList();
                var stored = await StoredSeqsAsync(server, player.Seat, welcomeSeq[player.Seat], received.Max());
                Assert.That(received, Is.EqualTo(stored), $"{player.Seat}: every visible event arrived");
            }
        }
        finally
        {
            foreach (var player in players)
            {
                await player.DisposeAsync();
            }
        }
    }

    // The seqs the seat may see after its welcome, paged from /api/events with its own token.
    private static async Task<List<long>> StoredSeqsAsync(TestServer server, string seat, long after, long upTo)
    {
        var seqs = new List<long>();
        while (true)
        {
            var page = await server.GetJsonAsync(seat, $"/api/events?after={after}&limit=1000");
            var events = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
            seqs.AddRange(events.Where(s => s <= upTo));
            if (!page.GetProperty("has_more").GetBoolean() || events.Count == 0 || events[^1] >= upTo)
            {
                return seqs;
            }

            after = events[^1];
        }
    }
}
