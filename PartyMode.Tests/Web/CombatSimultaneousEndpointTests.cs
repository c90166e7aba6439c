using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PartyMode.Tests.Support;
using static PartyMode.Tests.Web.CombatHttp;

namespace PartyMode.Tests.Web;

public sealed class CombatSimultaneousEndpointTests
{
    private static readonly string[] SubmitOrder = ["gorm", "vex", "elara", "thorin"];
    private static readonly string[] ElaraAndVex = ["elara", "vex"];

    [Test]
    public async Task Simultaneous_FourPlayersSubmitConcurrently_ClosesEarlyAndTheDmGetsThemInInitiativeOrder()
    {
        await using var server = await TestServer.StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await using var observer = await server.ConnectAsync("observer");
        await server.DmPostAsync("/api/dm/combat/start", StandardFight());
        var opened = (await server.DmPostAsync("/api/dm/combat/simultaneous", new { prompt = "The bridge collapses!", timeout_seconds = 300 })).GetProperty("combat");
        Assert.That((opened.Str("mode"), opened.GetProperty("waiting_for").GetArrayLength()), Is.EqualTo(("simultaneous", 4)));
        Assert.That(await PopAllAsync(server), Is.Empty, "nothing reaches the DM while the round is open");

        var results = await Task.WhenAll(SubmitOrder.Select(p => TryActAsync(server, p, $"{p} leaps for the rope")));

        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(202));
        await Poll.UntilAsync(async () => (await CombatAsync(server)).Str("mode") == "turn_based", "the round to close");
        Assert.That(string.Join(',', await PopAllAsync(server)), Is.EqualTo("thorin,elara,vex,gorm"));
        await observer.WaitForAsync(f => f.Type == "system" && f.Text!.Contains("everyone has acted", StringComparison.Ordinal), "the closing line");
        await observer.WaitForAsync(f => IsCombat(f, c => c.TryGetProperty("waiting_for", out var w) && w.GetArrayLength() == 1), "waiting_for shrinking");
    }

    [Test]
    public async Task Simultaneous_SecondActionAndUnlistedPlayer_AreRefused()
    {
        await using var server = await TestServer.StartAsync();
        await server.DmPostAsync("/api/dm/combat/simultaneous", new { prompt = "Pick the lock together.", players = ElaraAndVex });

        Assert.That(await TryActAsync(server, "vex", "I hold the torch."), Is.EqualTo((202, (string?)null)));
        Assert.That(await TryActAsync(server, "vex", "And again."), Is.EqualTo((403, "already_submitted")));
        Assert.That(await TryActAsync(server, "thorin", "Me too!"), Is.EqualTo((403, "not_your_turn")));
    }

    [Test]
    public async Task Simultaneous_DeadlinePassesWithTwoOfFour_ReleasesTheTwoAndTurnsResume()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(time);
        await server.DmPostAsync("/api/dm/combat/start", StandardFight());
        await server.DmPostAsync("/api/dm/combat/simultaneous", new { prompt = "Arrows rain down!", timeout_seconds = 300 });
        await server.SubmitAsync("gorm", "I raise my shield.");
        await server.SubmitAsync("elara", "Shield spell!");

        // No socket is open while the fake clock jumps: the hub's 60 s silence rule would close it.
        time.Advance(TimeSpan.FromSeconds(300));

        await Poll.UntilAsync(async () => (await CombatAsync(server)).Str("mode") == "turn_based", "the round to time out");
        Assert.That(string.Join(',', await PopAllAsync(server)), Is.EqualTo("elara,gorm"));
        var combat = await CombatAsync(server);
        Assert.That((combat.Str("current_turn"), combat.TryGetProperty("waiting_for", out _)), Is.EqualTo(("thorin", false)));
        Assert.That(await TryActAsync(server, "gorm", "Now?"), Is.EqualTo((403, "not_your_turn")));
        Assert.That((await TryActAsync(server, "thorin", "Charge!")).Status, Is.EqualTo(202));
    }

    [Test]
    public async Task Restart_MidSimultaneousRound_KeepsRoundTurnAndSubmissions()
    {
        await using var server = await TestServer.StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await server.DmPostAsync("/api/dm/combat/start", StandardFight());
        for (var i = 0; i < 7; i++)
        {
            await server.DmPostAsync("/api/dm/combat/next-turn");
        }

        await server.DmPostAsync("/api/dm/combat/simultaneous", new { prompt = "The mill wheel breaks loose!" });
        await server.SubmitAsync("gorm", "I dive.");
        await server.SubmitAsync("thorin", "I brace.");

        await server.RestartAsync();

        var combat = await CombatAsync(server);
        Assert.That((combat.GetProperty("round").GetInt32(), combat.Str("mode"), combat.Str("prompt")), Is.EqualTo((2, "simultaneous", "The mill wheel breaks loose!")));
        Assert.That((Join(combat, "submitted"), Join(combat, "waiting_for")), Is.EqualTo(("gorm,thorin", "elara,vex")));
        await using var vex = await server.ConnectAsync("vex");
        var welcome = vex.OfType("welcome").Single().Json.GetProperty("combat");
        Assert.That(welcome.GetProperty("your_turn").GetBoolean(), Is.True);
        Assert.That(await TryActAsync(server, "gorm", "Again."), Is.EqualTo((403, "already_submitted")));
        Assert.That(await PopAllAsync(server), Is.Empty);

        await server.SubmitAsync("vex", "I roll aside.");
        await server.SubmitAsync("elara", "Misty step!");

        await Poll.UntilAsync(async () => (await CombatAsync(server)).Str("mode") == "turn_based", "the round to close");
        Assert.That(string.Join(',', await PopAllAsync(server)), Is.EqualTo("thorin,elara,vex,gorm"));
        var after = await CombatAsync(server);
        Assert.That((after.GetProperty("round").GetInt32(), after.Str("current_turn")), Is.EqualTo((2, "elara")));
    }

    [Test]
    public async Task Restart_MidTurnBasedRound_KeepsRoundTurnAndGating()
    {
        await using var server = await TestServer.StartAsync();
        await server.DmPostAsync("/api/dm/combat/start", StandardFight(goblinHidden: true));
        for (var i = 0; i < 6; i++)
        {
            await server.DmPostAsync("/api/dm/combat/next-turn");
        }

        await server.RestartAsync();

        var combat = await CombatAsync(server);
        Assert.That((combat.GetProperty("round").GetInt32(), combat.Str("current_turn")), Is.EqualTo((2, "goblin")));
        Assert.That(combat.Entry("goblin").GetProperty("hidden").GetBoolean(), Is.True);
        await using var elara = await server.ConnectAsync("elara");
        var view = elara.OfType("welcome").Single().Json.GetProperty("combat");
        Assert.That((view.GetProperty("current_turn").ValueKind, view.Ids()), Is.EqualTo((JsonValueKind.Null, "thorin,elara,vex,gorm")));
        Assert.That(await TryActAsync(server, "elara", "Hm?"), Is.EqualTo((403, "not_your_turn")));
    }

    private static string Join(JsonElement combat, string name) =>
        string.Join(',', combat.GetProperty(name).EnumerateArray().Select(e => e.GetString()));
}
