using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The DM's sheet tools (docs/web-app.md "The sheet"): approvals, damage and healing, rests, every field.</summary>
public sealed class SheetDmTests : BrowserTestBase
{
    [Test]
    public async Task ApprovalQueue_PlayerAsks_ShowsLiveAndApproveAppliesIt()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-queue").ClickAsync();
        await Expect(dm.GetByTestId("dm-changes-count")).ToHaveTextAsync("No sheet change waits for you.");
        var (status, body) = await SheetScreens.PlayerPostAsync(Server.LocalUrl, Server.TokenFor("gorm"), "/api/characters/gorm/changes",
            new { ops = new object[] { new { op = "set", field = "conditions", value = new[] { "poisoned" } } } });
        Assert.That(status, Is.EqualTo(202), body?.ToJsonString());
        var id = (string)body!["change"]!["id"]!;

        var item = dm.GetByTestId($"dm-change-{id}");
        await Expect(item).ToContainTextAsync("Gorm");
        await Expect(dm.GetByTestId("dm-changes-count")).ToHaveTextAsync("1 sheet change waits for you.");
        await SheetScreens.ShotAsync(dm, "dm-approvals-1280x800.png");
        Assert.That(await AxeCheck.SeriousViolationsAsync(dm, "dm approvals"), Is.Empty);
        await dm.GetByTestId($"dm-approve-{id}").ClickAsync();
        await Expect(item).ToHaveCountAsync(0);
        await dm.GetByTestId("tab-chars").ClickAsync();
        await Expect(dm.GetByTestId("dm-char-gorm")).ToContainTextAsync("poisoned");
    }

    [Test]
    public async Task CharacterHpTool_DamageThenHeal_ChangesTheSheetAndThePhone()
    {
        var thorin = await OpenAsync("thorin");
        var dm = await OpenAsync("dm", 375, 812);
        await dm.GetByTestId("tab-chars").ClickAsync();
        await dm.GetByTestId("dm-amount-thorin").FillAsync("9");
        await dm.GetByTestId("dm-damage-thorin").ClickAsync();
        await Expect(dm.GetByTestId("dm-hp-thorin")).ToHaveValueAsync("22");
        await Expect(thorin.GetByTestId("my-hp")).ToHaveAttributeAsync("data-hp", "22");
        await Expect(Feed(thorin).GetByTestId("msg-sheet-change").Filter(new() { HasText = "You took 9 damage: 31 → 22" })).ToContainTextAsync("the DM");

        await dm.GetByTestId("dm-amount-thorin").FillAsync("4");
        await dm.GetByTestId("dm-heal-thorin").ClickAsync();
        await Expect(thorin.GetByTestId("my-hp")).ToHaveAttributeAsync("data-hp", "26");
        Assert.That(await SheetScreens.ProblemsAsync(dm, "#dm-chars"), Is.Empty, "the DM's sheets fit a phone");
    }

    [Test]
    public async Task CombatHpTool_NpcDamage_TheStatusWordFollows()
    {
        var elara = await OpenAsync("elara");
        await Dm.PostAsync("/api/dm/combat/start", new
        {
            combatants = new object[]
            {
                new { id = "elara", name = "Elara", initiative = 15, kind = "pc" },
                new { id = "bandit", name = "Bandit captain", initiative = 12, kind = "npc", hp = 30, max_hp = 30, ac = 15 },
            },
        });
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-combat").ClickAsync();
        await dm.GetByTestId("dm-amount-c-bandit").FillAsync("16");
        await dm.GetByTestId("dm-damage-c-bandit").ClickAsync();
        await Expect(elara.GetByTestId("combat")).ToContainTextAsync("bloodied");
        var combat = await Dm.GetAsync("/api/dm/combat");
        var bandit = combat!["combat"]!["initiative"]!.AsArray().First(c => (string?)c!["id"] == "bandit")!;
        Assert.That((int?)bandit["hp"], Is.EqualTo(14));

        await dm.GetByTestId("dm-amount-c-elara").FillAsync("5");
        await dm.GetByTestId("dm-damage-c-elara").ClickAsync();
        await Expect(elara.GetByTestId("my-hp")).ToHaveAttributeAsync("data-hp", "12");
    }

    [Test]
    public async Task LongRest_TappedTwice_RestoresHpSlotsAndHitDice()
    {
        await Dm.PostAsync("/api/dm/characters/elara/changes", new { ops = new object[] { new { op = "damage", amount = 10 }, new { op = "spend_slot", level = 2 }, new { op = "spend_hit_die" } } });
        var elara = await OpenAsync("elara");
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-chars").ClickAsync();
        await dm.GetByTestId("dm-rest-long").ClickAsync();
        await Expect(dm.GetByTestId("dm-rest-long")).ToContainTextAsync("Tap again");
        await Expect(elara.GetByTestId("my-hp")).ToHaveAttributeAsync("data-hp", "7");
        await dm.GetByTestId("dm-rest-long").ClickAsync();
        await Expect(elara.GetByTestId("my-hp")).ToHaveAttributeAsync("data-hp", "17");
        var sheet = (await Dm.GetAsync("/api/dm/characters/elara"))!["character"]!;
        Assert.That(((int?)sheet["spell_slots"]!["2"]!["used"], (int?)sheet["hit_dice"]!["used"]), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task SheetEditor_EveryField_SavesAndDmNotesStayOffThePhone()
    {
        var elara = await OpenAsync("elara");
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-chars").ClickAsync();
        await dm.GetByTestId("dm-edit-elara").Locator("summary").ClickAsync();
        await dm.GetByTestId("dm-edit-speed-elara").FillAsync("35");
        await dm.GetByTestId("dm-edit-languages-elara").FillAsync("Common\nElvish\nGiant");
        await dm.GetByTestId("dm-edit-attacks-elara").FillAsync("Quarterstaff | +1 | 1d6-1 | bludgeoning\nDagger | +4 | 1d4+2 | piercing");
        await dm.GetByTestId("dm-edit-dm_notes-elara").FillAsync("Her locket hides a map of the Deep Vault");
        await dm.GetByTestId("dm-edit-save-elara").ClickAsync();

        await elara.GetByTestId("open-sheet").ClickAsync();
        await Expect(elara.GetByTestId("stat-speed")).ToContainTextAsync("35 ft");
        await Expect(elara.GetByTestId("roll-attack:Dagger")).ToContainTextAsync("+4");
        await Expect(elara.GetByTestId("sheet")).ToContainTextAsync("Giant");
        await Expect(elara.GetByTestId("sheet")).Not.ToContainTextAsync("Deep Vault");
        var sheet = (await Dm.GetAsync("/api/dm/characters/elara"))!["character"]!;
        Assert.That(((int?)sheet["speed"], (string?)sheet["dm_notes"], sheet["attacks"]!.AsArray().Count), Is.EqualTo((35, "Her locket hides a map of the Deep Vault", 2)));
        await Expect(dm.GetByTestId("dm-edit-elara")).ToHaveAttributeAsync("open", "");
    }
}
