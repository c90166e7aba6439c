using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Sockets;

/// <summary>The welcome's <c>sheet_policy</c> (docs/protocol.md §8.2): players and the DM get it, observers never.</summary>
public sealed class SheetPolicyWelcomeTests
{
    [Test]
    public async Task Welcome_PlayerDmAndObserver_PolicyForThoseWhoChangeSheetsOnly()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");
        await using var dm = await server.ConnectAsync("dm");
        await using var observer = await server.ConnectAsync("observer");

        var policy = thorin.OfType("welcome").Single().Json.GetProperty("sheet_policy");
        Assert.That(Names(policy, "free"), Is.EquivalentTo(new[] { "hp", "temp_hp", "spell_slots", "hit_dice", "death_saves", "notes" }));
        Assert.That(Names(policy, "approval"), Is.EquivalentTo(new[] { "inventory", "coins", "conditions" }));
        Assert.That(dm.OfType("welcome").Single().Json.TryGetProperty("sheet_policy", out _), Is.True);
        Assert.That(observer.OfType("welcome").Single().Json.TryGetProperty("sheet_policy", out _), Is.False);
    }

    private static IEnumerable<string?> Names(JsonElement policy, string list) =>
        policy.GetProperty(list).EnumerateArray().Select(e => e.GetString());
}
