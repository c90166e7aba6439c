using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PartyMode.Tests.Support;
using static PartyMode.Tests.Web.CombatHttp;

namespace PartyMode.Tests.Web;

public sealed class CombatEndpointTests
{
    private static readonly string[] Seats = ["dm", "thorin", "elara", "vex", "gorm", "observer"];
    private static readonly string[] Prone = ["prone"];
    private static readonly string[] Poisoned = ["poisoned"];

    [Test]
    public async Task Combat_Lifecycle_GatesTurnsOverHttpAndWebSocketUntilItEnds()
    {
        await using var server = await TestServer.StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var sockets = await ConnectAllAsync(server);
        try
        {
            var started = (await server.DmPostAsync("/api/dm/combat/start", StandardFight())).GetProperty("combat");
            Assert.That((started.Ids(), started.Str("current_turn"), started.GetProperty("round").GetInt32()), Is.EqualTo(("thorin,goblin,elara,vex,gorm", "thorin", 1)));
            Assert.That(started.Entry("goblin").GetProperty("hp").GetInt32(), Is.EqualTo(7));
            foreach (var s in sockets)
            {
                await s.WaitForAsync(f => IsCombat(f, c => c.Str("current_turn") == "thorin"), "initiative");
            }

            Assert.That(await TryActAsync(server, "thorin", "I charge the goblin."), Is.EqualTo((202, (string?)null)));
            Assert.That(await TryActAsync(server, "elara", "Magic missile!"), Is.EqualTo((403, "not_your_turn")));
            var vex = sockets.Single(s => s.Seat == "vex");
            await vex.SendActionAsync("I sneak behind it.", clientId: "vex-1");
            var error = await vex.WaitForAsync(f => f.Type == "error", "not_your_turn over WS");
            Assert.That(error.Json.Str("code"), Is.EqualTo("not_your_turn"));

            var goblinTurn = (await server.DmPostAsync("/api/dm/combat/next-turn")).GetProperty("combat");
            Assert.That(goblinTurn.Str("current_turn"), Is.EqualTo("goblin"));
            Assert.That(await TryActAsync(server, "thorin", "Again!"), Is.EqualTo((403, "not_your_turn")));
            await server.DmPostAsync("/api/dm/combat/next-turn");
            Assert.That(await TryActAsync(server, "elara", "Magic missile!"), Is.EqualTo((202, (string?)null)));

            await server.DmPostAsync("/api/dm/combat/next-turn");
            await server.DmPostAsync("/api/dm/combat/next-turn");
            var wrapped = (await server.DmPostAsync("/api/dm/combat/next-turn")).GetProperty("combat");
            Assert.That((wrapped.Str("current_turn"), wrapped.GetProperty("round").GetInt32()), Is.EqualTo(("thorin", 2)));
            var thorin = sockets.Single(s => s.Seat == "thorin");
            var round2 = await thorin.WaitForAsync(f => IsCombat(f, c => c.GetProperty("round").GetInt32() == 2), "round 2");
            Assert.That(round2.Json.GetProperty("combat").GetProperty("your_turn").GetBoolean(), Is.True);

            var ended = await server.DmPostAsync("/api/dm/combat/end");
            Assert.That(ended.GetProperty("combat").ValueKind, Is.EqualTo(JsonValueKind.Null));
            foreach (var s in sockets)
            {
                await s.WaitForAsync(f => f.Type == "combat_state" && f.Json.GetProperty("combat").ValueKind == JsonValueKind.Null, "combat ended");
            }

            foreach (var p in TestServer.Players)
            {
                Assert.That((await TryActAsync(server, p, "We loot the room.")).Status, Is.EqualTo(202));
            }
        }
        finally
        {
            await DisposeAllAsync(sockets);
        }
    }

    [Test]
    public async Task CombatState_PerViewer_HidesNpcHpFromPlayersAndEverythingButNamesAndStatusFromObservers()
    {
        await using var server = await TestServer.StartAsync();
        var sockets = await ConnectAllAsync(server);
        try
        {
            await server.DmPostAsync("/api/dm/combat/start", new
            {
                combatants = new object[]
                {
                    new { id = "thorin", kind = "pc", initiative = 20 },
                    new { id = "assassin", kind = "npc", name = "Shadow Assassin", initiative = 18, hp = 33, max_hp = 40, ac = 16, hidden = true },
                    new { id = "goblin", kind = "npc", name = "Goblin", initiative = 15, hp = 3, max_hp = 7, ac = 15 },
                    new { id = "elara", kind = "pc", initiative = 12 },
                },
            });
            var (status, _) = await PatchAsync(server, "/api/dm/combat/combatants/goblin", new { conditions = Prone });
            Assert.That(status, Is.EqualTo(200));
            await server.DmPostAsync("/api/dm/combat/next-turn");

            foreach (var s in sockets)
            {
                var frame = await s.WaitForAsync(f => IsCombat(f, c => c.GetProperty("initiative").EnumerateArray().Any(e => e.Str("id") == "goblin") && c.Str("current_turn") != "thorin"), "the hidden assassin's turn");
                var combat = frame.Json.GetProperty("combat");
                var frames = s.OfType("combat_state").Select(f => f.Raw).ToList();
                switch (s.Seat)
                {
                    case "dm":
                        Assert.That(combat.Str("current_turn"), Is.EqualTo("assassin"));
                        Assert.That(combat.Entry("assassin").GetProperty("hp").GetInt32(), Is.EqualTo(33));
                        Assert.That(combat.GetProperty("your_turn").GetBoolean(), Is.True);
                        break;
                    case "observer":
                        Assert.That(combat.GetProperty("current_turn").ValueKind, Is.EqualTo(JsonValueKind.Null));
                        Assert.That(frames, Has.None.Contain("Assassin").And.None.Contain("\"hp\"").And.None.Contain("\"ac\"").And.None.Contain("\"conditions\""));
                        Assert.That(combat.Entry("goblin").Str("status"), Is.EqualTo("bloodied"));
                        Assert.That(combat.Ids(), Is.EqualTo("thorin,goblin,elara"));
                        break;
                    default:
                        Assert.That(combat.GetProperty("current_turn").ValueKind, Is.EqualTo(JsonValueKind.Null));
                        Assert.That(frames, Has.None.Contain("Assassin").And.None.Contain("assassin"));
                        var goblin = combat.Entry("goblin");
                        Assert.That(goblin.TryGetProperty("hp", out _) || goblin.TryGetProperty("max_hp", out _) || goblin.TryGetProperty("ac", out _), Is.False);
                        Assert.That((goblin.Str("status"), goblin.GetProperty("conditions")[0].GetString()), Is.EqualTo(("bloodied", "prone")));
                        Assert.That(combat.Entry("elara").GetProperty("hp").GetInt32(), Is.EqualTo(17));
                        break;
                }
            }

            Assert.That(await TryActAsync(server, "elara", "Who is there?"), Is.EqualTo((403, "not_your_turn")));
        }
        finally
        {
            await DisposeAllAsync(sockets);
        }
    }

    [Test]
    public async Task Welcome_DuringAFight_CarriesTheViewersCombatState()
    {
        await using var server = await TestServer.StartAsync();
        await server.DmPostAsync("/api/dm/combat/start", StandardFight());

        await using var gorm = await server.ConnectAsync("gorm");
        await using var observer = await server.ConnectAsync("observer");

        var gormView = gorm.OfType("welcome").Single().Json.GetProperty("combat");
        Assert.That((gormView.Str("current_turn"), gormView.GetProperty("your_turn").GetBoolean()), Is.EqualTo(("thorin", false)));
        Assert.That(gormView.Entry("goblin").TryGetProperty("hp", out _), Is.False);
        Assert.That(observer.OfType("welcome").Single().Json.GetProperty("combat").Entry("gorm").TryGetProperty("hp", out _), Is.False);
    }

    [Test]
    public async Task PatchCombatant_PcHp_UpdatesTheSheetAndTellsItsOwner()
    {
        await using var server = await TestServer.StartAsync();
        await using var vex = await server.ConnectAsync("vex");
        await server.DmPostAsync("/api/dm/combat/start", StandardFight());

        var (status, body) = await PatchAsync(server, "/api/dm/combat/combatants/vex", new { hp = 4, conditions = Poisoned });

        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.GetProperty("combat").Entry("vex").GetProperty("hp").GetInt32(), Is.EqualTo(4));
        var sheet = (await server.GetJsonAsync("vex", "/api/characters/vex")).GetProperty("character");
        Assert.That((sheet.GetProperty("hp").GetInt32(), sheet.GetProperty("conditions")[0].GetString()), Is.EqualTo((4, "poisoned")));
        await vex.WaitForAsync(f => f.Type == "character_update" && f.Json.GetProperty("character").GetProperty("hp").GetInt32() == 4, "character_update");
        await vex.WaitForAsync(f => f.Type == "party_update", "party_update");
        await vex.WaitForAsync(f => IsCombat(f, c => c.Entry("vex").GetProperty("hp").GetInt32() == 4), "combat_state with the new hp");
    }

    [TestCase("/api/dm/combat/next-turn", 409)]
    [TestCase("/api/dm/combat/start", 400)]
    public async Task DmCombat_WrongState_AnswersTheProtocolError(string path, int expected)
    {
        await using var server = await TestServer.StartAsync();

        var body = await server.DmPostAsync(path, new { combatants = new[] { new { id = "nobody", kind = "pc", initiative = 3 } } }, expect: expected);

        Assert.That(body.GetProperty("error").Str("code"), Is.EqualTo(expected == 409 ? "no_combat" : "bad_combatant"));
    }

    [Test]
    public async Task DmCombat_PlayerToken_Forbidden()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client("thorin");

        using var response = await client.PostAsync("/api/dm/combat/next-turn", null);

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
    }

    private static async Task<List<SimulatedPlayer>> ConnectAllAsync(TestServer server)
    {
        var sockets = new List<SimulatedPlayer>();
        foreach (var seat in Seats)
        {
            sockets.Add(await server.ConnectAsync(seat));
        }

        return sockets;
    }

    private static async Task DisposeAllAsync(List<SimulatedPlayer> sockets)
    {
        foreach (var s in sockets)
        {
            await s.DisposeAsync();
        }
    }
}
