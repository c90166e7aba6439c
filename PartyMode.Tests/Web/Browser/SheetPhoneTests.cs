using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The phone's sheet (docs/web-app.md "The sheet"): the player ticks HP and slots, asks the DM for the rest, rolls from it.</summary>
public sealed class SheetPhoneTests : BrowserTestBase
{
    [TestCase(375, 812)]
    [TestCase(320, 568)]
    public async Task PhoneSheet_SpendSlotAndTakeDamage_DmViewUpdates(int width, int height)
    {
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-chars").ClickAsync();
        await Expect(dm.GetByTestId("dm-hp-elara")).ToHaveValueAsync("17");
        var elara = await OpenAsync("elara", width, height);
        await elara.GetByTestId("open-sheet").ClickAsync();
        await Expect(elara.GetByTestId("slots-1")).ToHaveAttributeAsync("data-left", "4");

        await elara.GetByTestId("slot-1-1").ClickAsync();
        await Expect(elara.GetByTestId("slots-1")).ToHaveAttributeAsync("data-left", "3");
        await elara.GetByTestId("pad-7").ClickAsync();
        await Expect(elara.GetByTestId("hp-amount")).ToHaveTextAsync("7");
        await elara.GetByTestId("hp-damage").ClickAsync();
        await Expect(elara.GetByTestId("sheet-hp-value")).ToHaveTextAsync("10 / 17");
        await Expect(elara.GetByTestId("hp-amount")).ToHaveTextAsync("0");
        Assert.That(await SheetScreens.ProblemsAsync(elara, "#sheet"), Is.Empty, "the sheet fits the phone with finger-sized controls");

        // The DM's sheets and story follow without a reload.
        await Expect(dm.GetByTestId("dm-hp-elara")).ToHaveValueAsync("10");
        await Expect(dm.GetByTestId("dm-res-elara")).ToContainTextAsync("L1 3/4");
        await Expect(Feed(dm).GetByTestId("msg-sheet-change").Filter(new() { HasText = "Elara took 7 damage" })).ToBeVisibleAsync();
        await Expect(Feed(dm).GetByTestId("msg-sheet-change").Filter(new() { HasText = "spell slot" })).ToBeVisibleAsync();
        var sheet = await Dm.GetAsync("/api/dm/characters/elara");
        Assert.That(((int?)sheet!["character"]!["hp"], (int?)sheet["character"]!["spell_slots"]!["1"]!["used"]), Is.EqualTo((10, 1)));

        // The player's story tells it in their words.
        await elara.GetByTestId("sheet-close").ClickAsync();
        await Expect(Feed(elara).GetByTestId("msg-sheet-change").Filter(new() { HasText = "You took 7 damage: 17 → 10" })).ToBeVisibleAsync();
        await Expect(elara.GetByTestId("my-hp")).ToHaveAttributeAsync("data-hp", "10");
        await SheetScreens.ShotAsync(elara, $"sheet-story-{width}x{height}.png");

        // A tap on an empty pip recovers the slot.
        await elara.GetByTestId("open-sheet").ClickAsync();
        await elara.GetByTestId("slot-1-4").ClickAsync();
        await Expect(elara.GetByTestId("slots-1")).ToHaveAttributeAsync("data-left", "4");
    }

    [Test]
    public async Task PhoneSheet_CoinsNeedApproval_WaitingThenDmApprovesAndThePhoneUpdates()
    {
        var elara = await OpenAsync("elara");
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-chars").ClickAsync();
        await elara.GetByTestId("open-sheet").ClickAsync();
        await Expect(elara.GetByTestId("coin-gp")).ToContainTextAsync("22");
        await elara.GetByTestId("coins-edit").ClickAsync();
        await elara.GetByTestId("coin-input-gp").FillAsync("30");
        await elara.GetByTestId("coins-save").ClickAsync();

        await Expect(elara.GetByTestId("pending-coins")).ToContainTextAsync("Waiting for the DM");
        await Expect(elara.GetByTestId("coin-gp")).ToContainTextAsync("22");
        await Expect(elara.GetByTestId("coins-edit")).ToBeDisabledAsync();

        // What waits outlives a reload of the phone.
        await elara.ReloadAsync();
        await Expect(elara.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        await elara.GetByTestId("open-sheet").ClickAsync();
        await Expect(elara.GetByTestId("pending-coins")).ToContainTextAsync("your coins");

        await Expect(dm.GetByTestId("tab-queue").Locator(".badge")).ToBeVisibleAsync();
        await dm.GetByTestId("tab-queue").ClickAsync();
        await Expect(dm.GetByTestId("tab-queue").Locator(".badge")).ToBeHiddenAsync();
        var item = dm.GetByTestId("dm-changes-list").Locator("li");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("Elara");
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(dm.GetByTestId("dm-changes-list").Locator("li")).ToHaveCountAsync(0);

        await Expect(elara.GetByTestId("coin-gp")).ToContainTextAsync("30");
        await Expect(elara.GetByTestId("pending-coins")).ToHaveCountAsync(0);
        var sheet = await Dm.GetAsync("/api/dm/characters/elara");
        Assert.That((int?)sheet!["character"]!["coins"]!["gp"], Is.EqualTo(30));
    }

    [Test]
    public async Task PhoneSheet_RejectedItem_ShowsTheDmsReasonAndNothingChanges()
    {
        var thorin = await OpenAsync("thorin");
        var dm = await OpenAsync("dm", 1280, 800);
        await thorin.GetByTestId("open-sheet").ClickAsync();
        var before = await thorin.GetByTestId("sheet-inventory").Locator("li").CountAsync();
        await thorin.GetByTestId("inv-add-text").FillAsync("Vorpal sword");
        await thorin.GetByTestId("inv-add").ClickAsync();
        await Expect(thorin.GetByTestId("pending-inventory")).ToContainTextAsync("Waiting for the DM");

        await dm.GetByTestId("tab-queue").ClickAsync();
        var item = dm.GetByTestId("dm-changes-list").Locator("li");
        await Expect(item).ToHaveCountAsync(1);
        await item.Locator("input").FillAsync("Nice try: the mill had no sword");
        await item.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Expect(thorin.GetByTestId("rejected-inventory")).ToContainTextAsync("Nice try: the mill had no sword");
        await Expect(thorin.GetByTestId("sheet-inventory").Locator("li")).ToHaveCountAsync(before);
        await Expect(thorin.GetByTestId("sheet-inventory")).Not.ToContainTextAsync("Vorpal sword");
        await thorin.GetByTestId("dismiss-inventory").ClickAsync();
        await Expect(thorin.GetByTestId("rejected-inventory")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task PhoneSheet_SkillAndAttackTapped_ProduceRollCards()
    {
        var elara = await OpenAsync("elara");
        await elara.GetByTestId("open-sheet").ClickAsync();
        await elara.GetByTestId("roll-skill:arcana").ClickAsync();
        await Expect(elara.GetByTestId("dice-expr")).ToContainTextAsync("skill:arcana");
        await elara.GetByTestId("dice-roll").ClickAsync();
        await Expect(Feed(elara).GetByTestId("msg-roll").Filter(new() { HasText = "Arcana" })).ToContainTextAsync("1d20+5");

        await elara.GetByTestId("open-sheet").ClickAsync();
        await elara.GetByTestId("roll-attack:Fire Bolt").ClickAsync();
        await elara.GetByTestId("dice-roll").ClickAsync();
        await Expect(Feed(elara).GetByTestId("msg-roll").Filter(new() { HasText = "Fire Bolt" })).ToContainTextAsync("1d20+5");

        await elara.GetByTestId("open-sheet").ClickAsync();
        await elara.GetByTestId("roll-initiative").ClickAsync();
        await elara.GetByTestId("dice-roll").ClickAsync();
        await Expect(Feed(elara).GetByTestId("msg-roll").Filter(new() { HasText = "Initiative" })).ToContainTextAsync("1d20+2");
    }

    [Test]
    public async Task PhoneSheet_AtZeroHp_ShowsDeathSavesAndCountsThem()
    {
        var vex = await OpenAsync("vex");
        await vex.GetByTestId("open-sheet").ClickAsync();
        await Expect(vex.GetByTestId("death-saves")).ToHaveCountAsync(0);
        foreach (var key in new[] { "9", "9" })
        {
            await vex.GetByTestId($"pad-{key}").ClickAsync();
        }

        await vex.GetByTestId("hp-damage").ClickAsync();
        await Expect(vex.GetByTestId("sheet-hp-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0 / "));
        await Expect(vex.GetByTestId("death-saves")).ToBeVisibleAsync();
        await vex.GetByTestId("ds-failure").ClickAsync();
        await Expect(vex.GetByTestId("ds-failures")).ToHaveAttributeAsync("aria-label", "1 of 3 failures");
        await vex.GetByTestId("ds-success").ClickAsync();
        await Expect(vex.GetByTestId("ds-successes")).ToHaveAttributeAsync("aria-label", "1 of 3 successes");
        var sheet = await Dm.GetAsync("/api/dm/characters/vex");
        Assert.That(((int?)sheet!["character"]!["death_saves"]!["successes"], (int?)sheet["character"]!["death_saves"]!["failures"]), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task PhoneSheet_Notes_AreSavedAtOnceWithoutTheDm()
    {
        var gorm = await OpenAsync("gorm");
        await gorm.GetByTestId("open-sheet").ClickAsync();
        await gorm.GetByTestId("notes-text").FillAsync("The barkeep owes Thorin 5 gp");
        await gorm.GetByTestId("notes-save").ClickAsync();
        await Expect(Feed(gorm).GetByTestId("msg-sheet-change")).ToHaveCountAsync(1);
        await Expect(gorm.GetByTestId("pending-notes")).ToHaveCountAsync(0);
        var sheet = await Dm.GetAsync("/api/dm/characters/gorm");
        Assert.That((string?)sheet!["character"]!["notes"], Is.EqualTo("The barkeep owes Thorin 5 gp"));
    }

    [Test]
    public async Task PhoneSheet_LightDarkAndDoubleText_AreCapturedAndPassAxe()
    {
        await Dm.PostAsync("/api/dm/characters/elara/changes", new { ops = new object[] { new { op = "damage", amount = 4 }, new { op = "spend_slot", level = 1 } } });
        var problems = new List<string>();
        var shots = new List<string>();
        var page = await OpenAsync("elara", 375, 812);
        await page.GetByTestId("open-sheet").ClickAsync();
        await page.GetByTestId("coins-edit").ClickAsync();
        await page.GetByTestId("coin-input-gp").FillAsync("23");
        await page.GetByTestId("coins-save").ClickAsync();
        await Expect(page.GetByTestId("pending-coins")).ToBeVisibleAsync();

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            var name = scheme == ColorScheme.Light ? "light" : "dark";
            shots.AddRange(await SheetScreens.SheetShotsAsync(page, $"sheet-{name}-375"));
            problems.AddRange(await AxeCheck.SeriousViolationsAsync(page, $"sheet {name}"));
        }

        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        shots.AddRange(await SheetScreens.SheetShotsAsync(page, "sheet-dark-200pct-375"));
        problems.AddRange((await SheetScreens.ProblemsAsync(page, "#sheet")).Where(p => p.Contains("overflows", StringComparison.Ordinal)).Select(p => "200% text: " + p));
        problems.AddRange(await AxeCheck.SeriousViolationsAsync(page, "sheet 200% text"));

        // Forced colors: a spent slot still looks different from one that is left.
        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = ''; }");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ForcedColors = ForcedColors.Active });
        var pips = await page.EvaluateAsync<string[]>("() => ['[data-testid=\"slot-1-1\"] .pip', '[data-testid=\"slot-1-4\"] .pip'].map(s => getComputedStyle(document.querySelector(s)).backgroundColor)");
        Assert.That(pips[0], Is.Not.EqualTo(pips[1]), "a full pip differs from a spent one in forced colors");
        shots.AddRange(await SheetScreens.SheetShotsAsync(page, "sheet-forced-colors-375", 2));

        Assert.That(problems, Is.Empty);
        Assert.That(shots.Select(f => new FileInfo(f).Length), Has.All.GreaterThan(5_000));
    }
}
