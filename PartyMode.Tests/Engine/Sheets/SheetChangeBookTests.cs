using System.Text.Json.Nodes;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Sheets;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Sheets;

/// <summary>Sheet changes in the engine (docs/protocol.md §8.2): policy, pending over a restart, rests, combatants, dm_notes.</summary>
public sealed class SheetChangeBookTests
{
    [Test]
    public async Task PendingChange_GameReopenedOnTheSameStore_StaysPendingWithItsClientId()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var first = await game.Sheets.RequestAsync(Viewer.Player("vex"), "vex", Ops("""[{"op":"set","field":"coins","value":{"gp":99}}]"""), "c-1");
        Assert.That(first.Pending, Is.True);
        game.Dispose();

        var reopened = GameFactory.Demo(store);
        Assert.That(reopened.Sheets.PendingFor(Viewer.Player("vex")).Select(c => c.Id), Is.EqualTo(new[] { first.Change.Id }));
        Assert.That(reopened.Welcome(Viewer.Player("vex")).SheetChanges, Has.Count.EqualTo(1));
        Assert.That(reopened.Welcome(Viewer.Player("thorin")).SheetChanges, Is.Empty);
        Assert.That(reopened.Welcome(Viewer.Observer).SheetChanges, Is.Empty);
        var retry = await reopened.Sheets.RequestAsync(Viewer.Player("vex"), "vex", Ops("""[{"op":"heal","amount":1}]"""), "c-1");
        Assert.That(retry.Change.Id, Is.EqualTo(first.Change.Id));
        var approved = await reopened.Sheets.ApproveAsync(first.Change.Id);
        Assert.That(approved.Character!.Coins!.Gp, Is.EqualTo(99));
    }

    [Test]
    public async Task Approve_SheetNoLongerAllowsIt_IsStaleAndStaysPending()
    {
        var game = GameFactory.Demo();
        var change = await game.Sheets.RequestAsync(Viewer.Player("elara"), "elara", Ops("""[{"op":"spend_slot","level":2},{"op":"set","field":"conditions","value":["blinded"]}]"""), null);
        await game.Sheets.DmChangeAsync("elara", Ops("""[{"op":"spend_slot","level":2},{"op":"spend_slot","level":2}]"""));
        Assert.That(async () => await game.Sheets.ApproveAsync(change.Change.Id), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("change_stale"));
        Assert.That(game.Sheets.ListChanges(SheetChangeStatus.Pending), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task LongRest_AfterAFight_RestoresHpSlotsHalfTheHitDiceAndDeathSaves()
    {
        var game = GameFactory.Demo();
        await game.Sheets.DmChangeAsync("thorin", Ops("""[{"op":"temp_hp","value":4},{"op":"damage","amount":40},{"op":"death_save","success":false},{"op":"set","field":"hit_dice","value":{"die":"d10","total":3,"used":3}}]"""));
        await game.Sheets.DmChangeAsync("elara", Ops("""[{"op":"spend_slot","level":1},{"op":"spend_slot","level":2}]"""));
        var results = await game.Sheets.RestAsync("long", null);
        Assert.That(results.Select(r => r.Change.PlayerId), Is.EqualTo(new[] { "thorin", "elara", "vex", "gorm" }));
        var thorin = game.GetCharacter(Viewer.Dm, "thorin");
        var elara = game.GetCharacter(Viewer.Dm, "elara");
        Assert.Multiple(() =>
        {
            Assert.That((thorin.Hp, thorin.TempHp, thorin.HitDice!.Used, thorin.DeathSaves!.Failures), Is.EqualTo((31, 0, 2, 0)), "3 hit dice: one back (half, at least one)");
            Assert.That(elara.SpellSlots.Values.Sum(s => s.Used), Is.Zero);
            Assert.That(results[0].Change.Summary, Is.EqualTo("Thorin finished a long rest: HP 0 → 31, 1 hit die recovered, death saves reset"));
            Assert.That(results[1].Change.Summary, Is.EqualTo("Elara finished a long rest: spell slots recovered"));
        });
        var events = game.NewestEvents(Viewer.Dm, 4);
        Assert.That(events.Select(e => (e.Type, e.PlayerId, e.Audience.ToString())), Is.EqualTo(new[]
        {
            ("sheet_change", "thorin", "players:thorin"), ("sheet_change", "elara", "players:elara"), ("sheet_change", "vex", "players:vex"), ("sheet_change", "gorm", "players:gorm"),
        }));
        var shortRest = await game.Sheets.RestAsync("short", ["thorin"]);
        Assert.That(shortRest.Single().Change.Summary, Is.EqualTo("Thorin took a short rest (1 of 3 hit dice to spend)"));
        Assert.That(async () => await game.Sheets.RestAsync("nap", null), Throws.TypeOf<GameException>().With.Message.Contains("'kind'"));
        Assert.That(async () => await game.Sheets.RestAsync("long", ["bob"]), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("unknown_player"));
    }

    [Test]
    public async Task CombatantDamage_NpcAndPc_StatusFollowsAndPcSheetChanges()
    {
        var game = GameFactory.Demo();
        await game.StartCombatAsync([
            new PartyMode.Engine.Combat.CombatantSpec { Id = "thorin", Kind = "pc", Initiative = 15 },
            new PartyMode.Engine.Combat.CombatantSpec { Id = "goblin", Kind = "npc", Name = "Goblin", Initiative = 12, Hp = 8, MaxHp = 8 },
        ]);
        var hit = await game.Sheets.CombatantHpAsync("goblin", 4, heal: false);
        Assert.That((hit.Combatant.Hp, hit.Summary), Is.EqualTo(((int?)4, "Goblin took 4 damage (8 → 4): bloodied")));
        var down = await game.Sheets.CombatantHpAsync("goblin", 10, heal: false);
        Assert.That(down.Summary, Is.EqualTo("Goblin took 10 damage (4 → 0): down"));
        var healed = await game.Sheets.CombatantHpAsync("goblin", 20, heal: true);
        Assert.That(healed.Summary, Is.EqualTo("Goblin regained 8 HP (0 → 8): healthy"));
        var pc = await game.Sheets.CombatantHpAsync("thorin", 7, heal: false);
        Assert.That(pc.Sheet!.Character!.Hp, Is.EqualTo(24));
        Assert.That(game.CombatView(Viewer.Dm)!.Initiative.Single(c => c.Id == "thorin").Hp, Is.EqualTo(24), "the fight follows the sheet");
        Assert.That(async () => await game.Sheets.CombatantHpAsync("orc", 1, heal: false), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.NotFound));
        Assert.That(async () => await game.Sheets.CombatantHpAsync("goblin", -1, heal: false), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("bad_change"));
    }

    [Test]
    public async Task DmNotes_OnlyTheDmsSheetAndStoryHoldThem()
    {
        var game = GameFactory.Demo();
        Assert.That(game.GetCharacter(Viewer.Dm, "thorin").DmNotes, Is.Not.Null, "the demo has DM notes");
        Assert.That(game.GetCharacter(Viewer.Player("thorin"), "thorin").DmNotes, Is.Null);
        Assert.That(game.Welcome(Viewer.Player("thorin")).Character!.DmNotes, Is.Null);
        await game.Sheets.DmChangeAsync("thorin", Ops("""[{"op":"set","field":"dm_notes","value":"[SECRET]"},{"op":"damage","amount":1}]"""));
        var owner = game.NewestEvents(Viewer.Player("thorin"), 5).Where(e => e.Type == "sheet_change").ToList();
        var dm = game.NewestEvents(Viewer.Dm, 5).Where(e => e.Type == "sheet_change").ToList();
        Assert.That(owner.Select(e => e.Summary), Is.EqualTo(new[] { "Thorin took 1 damage (31 → 30)" }));
        Assert.That(dm.Select(e => e.Summary), Is.EqualTo(new[] { "Thorin took 1 damage (31 → 30)", "Thorin's DM notes: “[SECRET]”" }));
        Assert.That(dm[1].Audience, Is.EqualTo(Audience.DmOnly));
    }

    [Test]
    public void SheetPolicy_InTheCampaignFile_ReplacesTheListsItNamesAndNamesBadPaths()
    {
        var demo = System.Text.Json.Nodes.JsonNode.Parse(Json(CampaignLoader.Demo()))!.AsObject();
        demo["sheet_policy"] = JsonNode.Parse("""{"free":["hp","inventory"]}""");
        var policy = CampaignLoader.Parse(demo.ToJsonString(), "c.json").SheetPolicy!;
        Assert.That((policy.AccessOf("inventory"), policy.AccessOf("spell_slots"), policy.AccessOf("coins"), policy.AccessOf("level")),
            Is.EqualTo((SheetAccess.Free, SheetAccess.DmOnly, SheetAccess.Approval, SheetAccess.DmOnly)));

        demo["sheet_policy"] = JsonNode.Parse("""{"free":["mana","dm_notes","coins"],"approval":["coins"],"extra":1}""");
        var e = Assert.Throws<CampaignException>(() => CampaignLoader.Parse(demo.ToJsonString(), "c.json"));
        Assert.That(e!.Message, Does.Contain("c.json: $.sheet_policy.free[0]: 'mana' is not a character sheet field")
            .And.Contain("$.sheet_policy.free[1]: 'dm_notes' is the DM's only")
            .And.Contain("'coins' is in both free and approval")
            .And.Contain("$.sheet_policy.extra"));
    }

    private static string Json(PartyMode.Engine.Model.Campaign c) => System.Text.Json.JsonSerializer.Serialize(c, EngineJson.Options);

    private static JsonNode Ops(string json) => JsonNode.Parse(json)!;
}
