using System.Text.Json;
using ModelContextProtocol.Protocol;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Seed criterion 12: an HP change through the MCP tool reaches the browsers at once.</summary>
[Category("E2E")]
public sealed class Criterion12Tests
{
    private static readonly string[] Poisoned = ["poisoned"];

    private static JsonElement Structured(CallToolResult result) => result.StructuredContent!.Value;

    [Test]
    public async Task C12_CharacterUpdatePropagation_McpUpdateReachesOwnerAndEveryPlayer()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        var sockets = new List<SimulatedPlayer>();
        foreach (var seat in TestServer.Players)
        {
            sockets.Add(await server.ConnectAsync(seat));
        }

        try
        {
            var result = await mcp.CallOkAsync("update_character", new() { ["id"] = "thorin", ["changes"] = new Dictionary<string, object> { ["hp"] = 12, ["conditions"] = Poisoned } });

            Assert.That(Structured(result).GetProperty("character").GetProperty("hp").GetInt32(), Is.EqualTo(12));
            var owner = await sockets[0].WaitForAsync(f => f.Type == "character_update" && f.Json.GetProperty("character").GetProperty("hp").GetInt32() == 12, "character_update");
            Assert.That(owner.Json.GetProperty("character").GetProperty("conditions")[0].GetString(), Is.EqualTo("poisoned"));
            foreach (var socket in sockets)
            {
                var party = await socket.WaitForAsync(
                    f => f.Type == "party_update" && f.Json.GetProperty("party").EnumerateArray().Any(p => p.GetProperty("id").GetString() == "thorin" && p.GetProperty("hp").GetInt32() == 12),
                    "party_update with Thorin at 12 HP");
                Assert.That(party.Raw, Does.Contain("poisoned"));
            }

            Assert.That(sockets.Skip(1).SelectMany(s => s.OfType("character_update")).Any(f => f.Raw.Contains("\"thorin\"", StringComparison.Ordinal)), Is.False);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }
}
