using Microsoft.Playwright;
using PartyMode.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static PartyMode.Tests.Web.Browser.AxeCheck;

namespace PartyMode.Tests.Web.Browser;

/// <summary>
/// Every view at every viewport players, TVs and DMs use (docs/testing.md): each tab the page offers is
/// opened, captured to <c>TestResults/screenshots/matrix/</c> and checked with axe-core, in the dark and the
/// light theme, in and out of combat. Tabs are read from the page, so a new tab joins the matrix by itself.
/// </summary>
public sealed class ViewportMatrixTests : BrowserTestBase
{
    private static readonly (int Width, int Height, string Name)[] PlayerViewports =
    [
        (375, 812, "phone"), (812, 375, "landscape"), (320, 568, "small"), (375, 450, "keyboard"), (1366, 768, "laptop"),
    ];

    private static readonly ColorScheme[] Themes = [ColorScheme.Dark, ColorScheme.Light];
    private static readonly string[] Thorin = ["thorin"];

    [Test]
    public async Task PlayerViews_EveryTabViewportAndTheme_AreCapturedAndPassAxe()
    {
        await TellSomeStoryAsync();
        var problems = new List<string>();
        foreach (var inCombat in new[] { false, true })
        {
            if (inCombat)
            {
                await StartCombatAsync();
            }

            foreach (var (width, height, name) in PlayerViewports)
            {
                // In combat the light theme is captured on the phone only: the layout is the dark one's.
                foreach (var theme in inCombat && name != "phone" ? Themes[..1] : Themes)
                {
                    var page = await OpenAsync("thorin", width, height, p => p.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = theme }));
                    await Expect(Feed(page)).ToContainTextAsync("The barkeep");
                    var label = $"player-{name}-{(inCombat ? "combat" : "story")}-{Theme(theme)}";
                    problems.AddRange(await EveryTabAsync(page, label, axe: theme == ColorScheme.Dark || name == "phone"));
                    await page.GetByTestId("open-sheet").ClickAsync();
                    await Expect(page.GetByTestId("sheet")).ToBeVisibleAsync();
                    await ShotAsync(page, $"{label}-sheet.png");
                    problems.AddRange(await SeriousViolationsAsync(page, $"{label} sheet"));
                    await page.Context.CloseAsync();
                }
            }
        }

        Assert.That(problems, Is.Empty);
        Assert.That(ShotSizes(), Has.All.GreaterThan(3_000));
    }

    [Test]
    public async Task PlayerViews_ForcedColorsAndDoubleText_AreCapturedAndPassAxe()
    {
        await TellSomeStoryAsync();
        await StartCombatAsync();
        var problems = new List<string>();
        foreach (var (width, height, name) in new[] { (375, 812, "phone"), (320, 568, "small") })
        {
            var forced = await OpenAsync("thorin", width, height, p => p.EmulateMediaAsync(new PageEmulateMediaOptions { ForcedColors = ForcedColors.Active }));
            problems.AddRange(await EveryTabAsync(forced, $"player-{name}-forced", axe: true));
            var large = await OpenAsync("thorin", width, height);
            await large.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
            problems.AddRange(await EveryTabAsync(large, $"player-{name}-text200", axe: true));
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task TvAndDmViews_EveryTabAndTheme_AreCapturedAndPassAxe()
    {
        await TellSomeStoryAsync();
        var problems = new List<string>();
        foreach (var inCombat in new[] { false, true })
        {
            if (inCombat)
            {
                await StartCombatAsync();
            }

            var state = inCombat ? "combat" : "story";
            foreach (var theme in Themes)
            {
                var tv = await OpenAsync("observer", 1920, 1080, p => p.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = theme }));
                await Expect(tv.Locator("body")).ToContainTextAsync("The barkeep");
                await ShotAsync(tv, $"tv-1920x1080-{state}-{Theme(theme)}.png");
                problems.AddRange(await SeriousViolationsAsync(tv, $"tv {state} {Theme(theme)}"));

                foreach (var (width, height, name) in new[] { (1366, 768, "laptop"), (375, 812, "phone") })
                {
                    if (inCombat && theme == ColorScheme.Light && name == "phone")
                    {
                        continue;
                    }

                    var dm = await OpenAsync("dm", width, height, p => p.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = theme }));
                    await Expect(Feed(dm)).ToContainTextAsync("The barkeep");
                    problems.AddRange(await EveryTabAsync(dm, $"dm-{name}-{state}-{Theme(theme)}", axe: true));
                    await dm.Context.CloseAsync();
                }

                await tv.Context.CloseAsync();
            }
        }

        Assert.That(problems, Is.Empty);
    }

    /// <summary>Opens each tab of the page's tab list in turn (none on a TV), capturing and checking each.</summary>
    private static async Task<List<string>> EveryTabAsync(IPage page, string label, bool axe)
    {
        var problems = new List<string>();
        var tabs = await page.Locator("#tablist [role=tab]").AllAsync();
        foreach (var tab in tabs)
        {
            var id = await tab.GetAttributeAsync("data-tab");
            if (!await tab.IsVisibleAsync())
            {
                continue;
            }

            await tab.ClickAsync();
            await Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
            await ShotAsync(page, $"{label}-{id}.png");
            if (axe)
            {
                problems.AddRange(await SeriousViolationsAsync(page, $"{label} {id}"));
            }
        }

        if (tabs.Count == 0)
        {
            await ShotAsync(page, $"{label}.png");
        }

        return problems;
    }

    private async Task TellSomeStoryAsync()
    {
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "The barkeep wipes a glass and watches the door. Rain hammers the shutters of the Prancing Pony." });
        await Dm.PostAsync("/api/dm/whisper", new { to = Thorin, text = "You recognise the hooded stranger: he owes you money." });
        await Dm.PostAsync("/api/dm/roll", new { expr = "1d20+2", visibility = "private", @for = "thorin", label = "Insight" });
        await Dm.PostAsync("/api/dm/roll", new { expr = "2d6+3", visibility = "public", label = "Falling beam" });
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "A cart rattles past outside; somewhere a dog barks twice, then falls silent." });
    }

    private async Task StartCombatAsync() => await Dm.PostAsync("/api/dm/combat/start", new
    {
        combatants = new object[]
        {
            new { id = "thorin", name = "Thorin", initiative = 17, kind = "pc" },
            new { id = "bandit", name = "Bandit captain", initiative = 14, kind = "npc", hp = 30, max_hp = 30, ac = 15 },
            new { id = "elara", name = "Elara", initiative = 11, kind = "pc" },
            new { id = "wolf", name = "Wolf", initiative = 9, kind = "npc", hp = 11, max_hp = 11, ac = 13 },
            new { id = "vex", name = "Vex", initiative = 8, kind = "pc" },
        },
    });

    private static string Theme(ColorScheme theme) => theme == ColorScheme.Dark ? "dark" : "light";

    private static string ShotDir => Path.Combine(RepoPaths.Root, "TestResults", "screenshots", "matrix");

    private static IEnumerable<long> ShotSizes() => Directory.GetFiles(ShotDir, "player-*.png").Select(f => new FileInfo(f).Length);

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ShotDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotDir, name) });
    }
}
