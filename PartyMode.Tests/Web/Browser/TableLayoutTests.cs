using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The story keeps a readable share of the height in combat, at the viewports where it vanished (#16).</summary>
public sealed class TableLayoutTests : BrowserTestBase
{
    private static readonly object[] SevenCombatants =
    [
        new { id = "thorin", name = "Thorin", initiative = 20, kind = "pc" },
        new { id = "goblin-1", name = "Goblin skirmisher", initiative = 18, kind = "npc", hp = 7, max_hp = 7, ac = 13 },
        new { id = "elara", name = "Elara", initiative = 16, kind = "pc" },
        new { id = "goblin-2", name = "Goblin archer", initiative = 14, kind = "npc", hp = 7, max_hp = 7, ac = 13 },
        new { id = "vex", name = "Vex", initiative = 12, kind = "pc" },
        new { id = "ogre", name = "Ogre of the drowned cellar", initiative = 8, kind = "npc", hp = 59, max_hp = 59, ac = 11 },
        new { id = "gorm", name = "Gorm", initiative = 5, kind = "pc" },
    ];

    private static readonly string[] LongCondition = ["poisoned-by-the-ghoul-matriarchs-cursed-claws-until-the-next-long-rest"];

    [TestCase(812, 375, false, 0.6, TestName = "Story_InCombatLandscape812x375_KeepsAtLeast60PercentOfTheHeight")]
    [TestCase(320, 568, false, 0.4, TestName = "Story_InCombat320x568_KeepsAtLeast40PercentOfTheHeight")]
    [TestCase(375, 450, true, 0.4, TestName = "Story_InCombatWithTheKeyboardOpen375x450_KeepsAtLeast40PercentOfTheHeight")]
    [TestCase(375, 812, false, 0.5, TestName = "Story_InCombatWithSevenCombatants375x812_KeepsAtLeastHalfTheHeight")]
    public async Task Story_InCombat_KeepsReadableHeight(int width, int height, bool typing, double share)
    {
        await Dm.PostAsync("/api/dm/combat/start", new { combatants = SevenCombatants });
        await Dm.PatchAsync("/api/dm/characters/thorin", new { conditions = LongCondition });
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "The cellar floods; torches gutter as the goblins shriek." });
        var page = await OpenAsync("thorin", width, height);
        await Expect(page.GetByTestId("turn-banner")).ToContainTextAsync("YOUR TURN");
        if (typing)
        {
            await page.GetByTestId("action-text").FocusAsync();
        }

        var feed = await Feed(page).BoundingBoxAsync();
        Assert.That(feed, Is.Not.Null);
        Assert.That(feed!.Height, Is.GreaterThanOrEqualTo(height * share), $"the story is {feed.Height:0} px of {height}");
        Assert.That(feed.Height, Is.GreaterThanOrEqualTo(120));

        // The condition chip stays inside the screen; the strip opens into the whole order.
        var chips = await page.Locator(".chip.cond").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().right)");
        Assert.That(chips, Has.All.LessThanOrEqualTo(width + 0.5));
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        await page.GetByTestId("turn-banner").ClickAsync();
        await Expect(page.GetByTestId("initiative")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("initiative").Locator("li")).ToHaveCountAsync(7);
    }

    [Test]
    public async Task CombatStrip_OneLine_NamesTheTurnRoundAndWhoIsNext()
    {
        await Dm.PostAsync("/api/dm/combat/start", new { combatants = SevenCombatants });
        var thorin = await OpenAsync("thorin", 375, 812);
        var strip = thorin.GetByTestId("turn-banner");
        await Expect(strip).ToContainTextAsync("YOUR TURN · round 1 · next: Elara");
        var box = await strip.BoundingBoxAsync();
        Assert.That(box!.Height, Is.LessThan(60), "one line");
        await Expect(strip).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(thorin.GetByTestId("initiative")).ToBeHiddenAsync();
    }

    [Test]
    public async Task LightScheme_GetsTheLightTheme_DarkKeepsTheDarkOne()
    {
        var page = await OpenAsync("thorin", 375, 812);
        const string Luma = "() => { const m = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (m[0] * 299 + m[1] * 587 + m[2] * 114) / 1000; }";
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        Assert.That(await page.EvaluateAsync<double>(Luma), Is.LessThan(60));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        Assert.That(await page.EvaluateAsync<double>(Luma), Is.GreaterThan(200));

        // The device setting overrides the scheme and survives a reload.
        await page.GetByTestId("settings-open").ClickAsync();
        await page.GetByTestId("set-theme").SelectOptionAsync("dark");
        await page.GetByTestId("settings-close").ClickAsync();
        Assert.That(await page.EvaluateAsync<double>(Luma), Is.LessThan(60));
        await page.ReloadAsync();
        await Expect(page.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        Assert.That(await page.EvaluateAsync<double>(Luma), Is.LessThan(60));
    }

    [Test]
    public async Task ForcedColors_KeepTheHpBarTheWhisperSwitchAndTheSelectedTabVisible()
    {
        var page = await OpenAsync("thorin", 375, 812);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ForcedColors = ForcedColors.Active });
        var bar = await page.EvaluateAsync<string[]>("() => [getComputedStyle(document.querySelector('.hp-bar')).backgroundColor, getComputedStyle(document.querySelector('.hp-fill')).backgroundColor]");
        Assert.That(bar[1], Is.Not.EqualTo(bar[0]), "the HP fill differs from its bar");
        Assert.That(bar[1], Is.Not.EqualTo("rgba(0, 0, 0, 0)"));

        const string Track = "() => getComputedStyle(document.querySelector('#action-form .track')).backgroundColor";
        var off = await page.EvaluateAsync<string>(Track);
        await page.GetByText("Whisper to the DM").ClickAsync();
        await Expect(page.GetByTestId("whisper")).ToBeCheckedAsync();
        Assert.That(await page.EvaluateAsync<string>(Track), Is.Not.EqualTo(off), "the switch shows it is on");

        var tabs = await page.EvaluateAsync<string[]>("() => ['#tab-story', '#tab-party'].map(s => getComputedStyle(document.querySelector(s)).borderBottomColor)");
        Assert.That(tabs[0], Is.Not.EqualTo(tabs[1]), "the selected tab is marked");
    }

    [Test]
    public async Task DoubleTextSize_KeepsTheTitleAndEveryTabOnScreen()
    {
        var page = await OpenAsync("thorin", 375, 812);
        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        var title = await page.EvaluateAsync<double[]>("() => { const e = document.getElementById('campaign-name'); const r = e.getBoundingClientRect(); return [e.scrollWidth - e.clientWidth, r.right]; }");
        Assert.That(title[0], Is.LessThanOrEqualTo(1), "the title is not cut");
        Assert.That(title[1], Is.LessThanOrEqualTo(375.5));
        foreach (var tab in new[] { "story", "secrets", "party" })
        {
            var box = await page.GetByTestId($"tab-{tab}").BoundingBoxAsync();
            Assert.That(box, Is.Not.Null);
            Assert.That(box!.X + box.Width, Is.LessThanOrEqualTo(375.5), $"{tab} tab fits");
            Assert.That(box.X, Is.GreaterThanOrEqualTo(-0.5));
        }

        await page.GetByTestId("tab-party").ClickAsync();
        await Expect(page.GetByTestId("party")).ToBeVisibleAsync();
    }
}
