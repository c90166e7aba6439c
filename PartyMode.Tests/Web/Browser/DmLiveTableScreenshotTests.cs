using Microsoft.Playwright;
using PartyMode.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static PartyMode.Tests.Web.Browser.AxeCheck;

namespace PartyMode.Tests.Web.Browser;

/// <summary>Every DM view at a live table, on a laptop (1366×768) and a phone, light and dark: screenshots in TestResults/screenshots and axe checks.</summary>
public sealed class DmLiveTableScreenshotTests : BrowserTestBase
{
    private static readonly string[] Tools = ["queue", "table", "chars", "combat", "seats", "viewas", "rolls", "world"];
    private static readonly (int Width, int Height, string Name)[] Screens = [(1366, 768, "1366x768"), (375, 812, "375x812")];

    /// <summary>The controls the visible toast is drawn over (the toast is on top at a point of their overlap).</summary>
    private const string CoveredControls = """
        () => {
          const t = document.getElementById('toast');
          if (!t || t.hidden) return ['no toast'];
          const r = t.getBoundingClientRect();
          const out = [];
          for (const b of document.querySelectorAll('button, [role=tab], input, textarea, select, a[href], summary')) {
            const q = b.getBoundingClientRect();
            if (!q.width || !q.height) continue;
            if (!(q.left < r.right && q.right > r.left && q.top < r.bottom && q.bottom > r.top)) continue;
            const x = (Math.max(q.left, r.left) + Math.min(q.right, r.right)) / 2;
            const y = (Math.max(q.top, r.top) + Math.min(q.bottom, r.bottom)) / 2;
            // A control scrolled out of its list (clipped) is not on screen there: only one the toast hides counts.
            t.style.visibility = 'hidden';
            const under = document.elementFromPoint(x, y);
            t.style.visibility = '';
            if (!under || !(b === under || b.contains(under))) continue;
            const top = document.elementFromPoint(x, y);
            if (top && t.contains(top)) out.push(b.dataset.testid || b.getAttribute('aria-label') || b.textContent.trim().slice(0, 30));
          }
          return out;
        }
        """;

    [Test]
    public async Task DmViews_LaptopAndPhoneInLightAndDark_AreCapturedAndPassAxe()
    {
        await SetTheTableAsync();
        var problems = new List<string>();
        var shots = new List<string>();
        foreach (var (width, height, size) in Screens)
        {
            foreach (var scheme in new[] { ColorScheme.Dark, ColorScheme.Light })
            {
                var theme = scheme == ColorScheme.Dark ? "dark" : "light";
                var dm = await OpenAsync("dm", width, height);
                await dm.EmulateMediaAsync(new() { ColorScheme = scheme });
                await Expect(dm.Locator("#tab-queue .badge")).ToHaveTextAsync("2");
                if (width < 900)
                {
                    await dm.GetByTestId("tab-story").ClickAsync();
                    await Expect(dm.GetByTestId("dm-turnbar-next")).ToBeVisibleAsync();
                    shots.Add(await ShotAsync(dm, $"dm-live-story-{size}-{theme}.png"));
                    problems.AddRange(await SeriousViolationsAsync(dm, $"story {size} {theme}"));
                }

                foreach (var tool in Tools)
                {
                    await dm.GetByTestId($"tab-{tool}").ClickAsync();
                    await Expect(dm.GetByTestId($"dm-{tool}")).ToBeVisibleAsync();
                    shots.Add(await ShotAsync(dm, $"dm-live-{tool}-{size}-{theme}.png"));
                    problems.AddRange(await SeriousViolationsAsync(dm, $"{tool} {size} {theme}"));
                }

                // The editor with a private part open, then the dialogs.
                await dm.GetByTestId("tab-queue").ClickAsync();
                await dm.GetByTestId("dm-take-next").ClickAsync();
                await dm.GetByTestId("dm-private-open-thorin").ClickAsync();
                await dm.GetByTestId("dm-narrative").FillAsync("The shutters bang open; the candles gutter.");
                await Expect(dm.GetByTestId("dm-resolve")).ToBeInViewportAsync();
                shots.Add(await ShotAsync(dm, $"dm-live-editor-{size}-{theme}.png"));
                problems.AddRange(await SeriousViolationsAsync(dm, $"editor {size} {theme}"));
                await dm.GetByTestId("dm-cancel").ClickAsync();
                await Expect(dm.GetByTestId("dm-refuse-dialog")).ToBeVisibleAsync();
                shots.Add(await ShotAsync(dm, $"dm-live-refuse-{size}-{theme}.png"));
                problems.AddRange(await SeriousViolationsAsync(dm, $"refuse dialog {size} {theme}"));
                await dm.GetByTestId("dm-refuse-keep").ClickAsync();
                await dm.GetByTestId("dm-requeue").ClickAsync();
                await Expect(dm.GetByTestId("dm-editor")).ToBeHiddenAsync();
                await dm.GetByTestId("dm-help-open").ClickAsync();
                await Expect(dm.GetByTestId("dm-help")).ToBeVisibleAsync();
                shots.Add(await ShotAsync(dm, $"dm-live-help-{size}-{theme}.png"));
                problems.AddRange(await SeriousViolationsAsync(dm, $"help {size} {theme}"));
                await dm.GetByTestId("dm-help-close").ClickAsync();
                await dm.Context.CloseAsync();
            }
        }

        Assert.That(problems, Is.Empty);
        Assert.That(shots.Select(f => new FileInfo(f).Length), Has.All.GreaterThan(5_000));
    }

    [Test]
    public async Task Toast_OnALaptopAndAPhone_CoversNoControl()
    {
        await SetTheTableAsync();
        var problems = new List<string>();
        foreach (var (width, height, size) in Screens)
        {
            var dm = await OpenAsync("dm", width, height);
            await dm.GetByTestId("tab-queue").ClickAsync();
            await dm.GetByTestId("dm-take-next").ClickAsync();
            await dm.GetByTestId("dm-requeue").ClickAsync();
            await Expect(dm.Locator("#toast")).ToHaveTextAsync("Put back in the queue");
            problems.AddRange((await dm.EvaluateAsync<string[]>(CoveredControls)).Select(c => $"{size} queue: {c}"));

            await dm.GetByTestId("tab-table").ClickAsync();
            await dm.GetByTestId("dm-narrate-text").FillAsync("The fire crackles.");
            await dm.GetByTestId("dm-narrate").ClickAsync();
            await Expect(dm.Locator("#toast")).ToHaveTextAsync("Sent");
            problems.AddRange((await dm.EvaluateAsync<string[]>(CoveredControls)).Select(c => $"{size} narrate: {c}"));
            await dm.Context.CloseAsync();
        }

        Assert.That(problems, Is.Empty);
    }

    private async Task SetTheTableAsync()
    {
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "Rain hammers the shutters of the Drowned Lantern. A hooded figure waits by the fire." });
        await Dm.PostAsync("/api/dm/whisper", new { to = new[] { "thorin" }, text = "You know that cloak: the Chancellor's guard wears it." });
        await Dm.PostAsync("/api/dm/combat/start", new
        {
            combatants = new object[]
            {
                new { id = "thorin", name = "Thorin", initiative = 17, kind = "pc" },
                new { id = "bandit", name = "Bandit captain", initiative = 14, kind = "npc", hp = 30, max_hp = 30, ac = 15 },
                new { id = "assassin", name = "Hooded assassin", initiative = 12, kind = "npc", hp = 22, ac = 15, hidden = true },
                new { id = "elara", name = "Elara", initiative = 11, kind = "pc" },
            },
        });
        using var thorin = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) };
        thorin.DefaultRequestHeaders.Authorization = new("Bearer", Server.TokenFor("thorin"));
        using var a = await thorin.PostAsync("/api/actions", System.Net.Http.Json.JsonContent.Create(new { text = "I draw my axe and step between the stranger and the door." }));
        Assert.That(a.IsSuccessStatusCode, Is.True);
        using var b = await thorin.PostAsync("/api/actions", System.Net.Http.Json.JsonContent.Create(new { text = "I whisper: is that the man from the docks?", @private = true }));
        Assert.That(b.IsSuccessStatusCode, Is.True);
    }

    private static async Task<string> ShotAsync(IPage page, string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }
}
