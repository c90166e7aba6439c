using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Seed criteria 10 and 11: the combat lifecycle and a simultaneous round, as every viewer receives them.</summary>
[Category("E2E")]
public sealed class Criterion10to11Tests
{
    private static readonly object[] Fight =
    [
        new { id = "thorin", kind = "pc", initiative = 15 },
        new { id = "goblin", kind = "npc", name = "Goblin", initiative = 18, hp = 7, max_hp = 7, ac = 15, dex = 14 },
        new { id = "elara", kind = "pc", initiative = 12 },
        new { id = "vex", kind = "pc", initiative = 20 },
        new { id = "gorm", kind = "pc", initiative = 15 },
    ];

    [Test]
    public async Task C10_CombatLifecycle_InitiativeGatingAdvanceWrapAndEnd()
    {
        await using var table = await Table.OpenAsync();
        await table.Server.DmPostAsync("/api/dm/combat/start", new { combatants = Fight });
        // Vex 20, Goblin 18, then Thorin and Gorm tie at 15: Thorin's dex 12 beats Gorm's 10; Elara 12.
        string[] order = ["vex", "goblin", "thorin", "gorm", "elara"];
        foreach (var viewer in table.Everyone)
        {
            var state = await viewer.WaitForAsync(f => f.Type == "combat_state" && f.Json.GetProperty("combat").ValueKind == JsonValueKind.Object, "initiative");
            var combat = state.Json.GetProperty("combat");
            Assert.That(combat.GetProperty("initiative").EnumerateArray().Select(c => c.GetProperty("id").GetString()), Is.EqualTo(order), viewer.Seat);
            Assert.That(combat.GetProperty("current_turn").GetString(), Is.EqualTo("vex"), viewer.Seat);
            Assert.That(combat.GetProperty("round").GetInt32(), Is.EqualTo(1));
        }

        await AssertGateAsync(table, "vex");
        await table.Server.DmPostAsync("/api/dm/combat/next-turn");
        await AssertGateAsync(table, null); // the goblin's turn gates every player
        foreach (var expected in new[] { "thorin", "gorm", "elara" })
        {
            await table.Server.DmPostAsync("/api/dm/combat/next-turn");
            await AssertGateAsync(table, expected);
        }

        var wrapped = await table.Server.DmPostAsync("/api/dm/combat/next-turn");
        Assert.That(wrapped.GetProperty("combat").GetProperty("round").GetInt32(), Is.EqualTo(2));
        Assert.That(wrapped.GetProperty("combat").GetProperty("current_turn").GetString(), Is.EqualTo("vex"));
        await table.Players["elara"].WaitForAsync(f => f.Type == "combat_state" && f.Json.GetProperty("combat").ValueKind == JsonValueKind.Object && f.Json.GetProperty("combat").GetProperty("round").GetInt32() == 2, "round 2");

        await table.Server.DmPostAsync("/api/dm/combat/end");
        foreach (var viewer in table.Everyone)
        {
            await viewer.WaitForAsync(f => f.Type == "combat_state" && f.Json.GetProperty("combat").ValueKind == JsonValueKind.Null, "combat ended");
        }

        foreach (var p in TestServer.Players)
        {
            await table.Server.SubmitAsync(p, $"{p} acts freely again");
        }
    }

    [Test]
    public async Task C11_SimultaneousCombat_AllSubmitAllCollectedAllResolved()
    {
        await using var table = await Table.OpenAsync();
        await table.Server.DmPostAsync("/api/dm/combat/start", new { combatants = Fight });
        await table.Server.DmPostAsync("/api/dm/combat/simultaneous", new { prompt = "The bridge collapses! What do you do?", timeout_seconds = 300 });
        foreach (var viewer in table.Everyone)
        {
            await viewer.WaitForAsync(f => f.Type == "combat_state" && f.Raw.Contains("The bridge collapses", StringComparison.Ordinal), "the prompt");
        }

        using var barrier = new Barrier(4);
        var submitted = await Task.WhenAll(TestServer.Players.Select(p => Task.Run(async () =>
        {
            using var client = table.Server.Client(p);
            barrier.SignalAndWait();
            var response = await client.PostAsJsonAsync("/api/actions", new { text = $"[SIM-{p}] jumps" });
            Assert.That((int)response.StatusCode, Is.EqualTo(202), p);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("action").GetProperty("id").GetString()!;
        })));
        using (var again = table.Server.Client("thorin"))
        {
            var second = await again.PostAsJsonAsync("/api/actions", new { text = "twice" });
            Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("already_submitted").Or.Contain("not_your_turn"));
        }

        await table.Observer.WaitForAsync(f => f.Type == "system", "who acted");
        var popped = new List<string>();
        while ((await table.Server.Client("dm").PostAsync("/api/dm/actions/next", null)) is { StatusCode: System.Net.HttpStatusCode.OK } response)
        {
            var action = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("action");
            popped.Add(action.GetProperty("player_id").GetString()!);
            var id = action.GetProperty("id").GetString()!;
            await table.Server.DmPostAsync($"/api/dm/actions/{id}/resolve", new { narrative = $"[RES-{action.GetProperty("player_id").GetString()}] lands safely" });
        }

        Assert.That(popped, Is.EqualTo(new[] { "vex", "thorin", "gorm", "elara" }), "handed to the DM in initiative order");
        foreach (var id in submitted)
        {
            var action = await table.Server.GetJsonAsync("dm", "/api/actions/" + id);
            Assert.That(action.GetProperty("action").GetProperty("status").GetString(), Is.EqualTo("resolved"));
        }

        foreach (var viewer in table.Everyone)
        {
            foreach (var p in TestServer.Players)
            {
                await viewer.WaitForTextAsync($"[RES-{p}]");
            }
        }
    }

    private static async Task AssertGateAsync(Table table, string? active)
    {
        foreach (var p in TestServer.Players)
        {
            using var client = table.Server.Client(p);
            var response = await client.PostAsJsonAsync("/api/actions", new { text = $"{p} tries" });
            var body = await response.Content.ReadAsStringAsync();
            if (p == active)
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(202), body);
                continue;
            }

            Assert.That((int)response.StatusCode, Is.EqualTo(403), $"{p} while it is {active ?? "an NPC"}'s turn: {body}");
            Assert.That(body, Does.Contain("not_your_turn"));
            var player = table.Players[p];
            var clientId = Guid.NewGuid().ToString("N");
            await player.SendActionAsync("ws try", clientId);
            await player.WaitForAsync(f => f.Type == "error" && f.Json.TryGetProperty("client_id", out var c) && c.GetString() == clientId && f.Json.GetProperty("code").GetString() == "not_your_turn", "not_your_turn over WS");
        }
    }
}
