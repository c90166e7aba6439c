using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

public sealed class PhoneLayoutTests : BrowserTestBase
{
    // Visible controls narrower or shorter than a fingertip, or sticking out of a 360 px screen.
    private const string LayoutProblems = """
        () => {
          const out = [];
          const w = window.innerWidth;
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.dataset.testid ? `[${el.dataset.testid}]` : '');
            if (r.right > w + 1 && !el.closest('.sr-only')) out.push(`${name} overflows to ${Math.round(r.right)}px`);
            const tappable = el.matches('button, select, textarea, input:not([type=checkbox]), [role=tab], a.btn');
            if (tappable && r.height < 43.5) out.push(`${name} is ${Math.round(r.height)}px tall`);
          }
          return out;
        }
        """;

    private static readonly string[] DmTabs = ["story", "queue", "table", "chars", "combat", "seats", "world", "handouts", "viewas"];
    private static readonly string[] PlayerTabs = ["story", "secrets", "party", "handouts"];

    [Test]
    public async Task PhoneViews_At360Pixels_HaveNoOverflowAndFingerSizedControls()
    {
        var problems = new List<string>();
        // Busy screens: an action waiting for the DM and a fight with an NPC in it.
        using (var thorinHttp = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) })
        {
            thorinHttp.DefaultRequestHeaders.Authorization = new("Bearer", Server.TokenFor("thorin"));
            using var sent = await thorinHttp.PostAsync("/api/actions", System.Net.Http.Json.JsonContent.Create(new { text = "I shoulder the door open and step into the dark cellar, axe raised." }));
            Assert.That(sent.IsSuccessStatusCode, Is.True);
        }

        await Dm.PostAsync("/api/dm/combat/start", new
        {
            combatants = new object[]
            {
                new { id = "thorin", name = "Thorin", initiative = 17, kind = "pc" },
                new { id = "ghoul-matriarch", name = "Ghoul matriarch of the drowned cellar", initiative = 14, kind = "npc", hp = 45, max_hp = 45, ac = 13 },
                new { id = "elara", name = "Elara", initiative = 11, kind = "pc" },
            },
        });
        var player = await OpenAsync("thorin", 360, 740);
        foreach (var tab in PlayerTabs)
        {
            await player.GetByTestId($"tab-{tab}").ClickAsync();
            problems.AddRange((await player.EvaluateAsync<string[]>(LayoutProblems)).Select(p => $"player {tab}: {p}"));
        }

        var dm = await OpenAsync("dm", 360, 740);
        foreach (var tab in DmTabs)
        {
            await dm.GetByTestId($"tab-{tab}").ClickAsync();
            if (tab == "queue")
            {
                await dm.GetByTestId("dm-take-next").ClickAsync();
                await Expect(dm.GetByTestId("dm-editor")).ToBeVisibleAsync();
                await dm.Locator("#dm-queue details").EvaluateAllAsync<int>("ds => { ds.forEach(d => { d.open = true; }); return ds.length; }");
            }

            problems.AddRange((await dm.EvaluateAsync<string[]>(LayoutProblems)).Select(p => $"dm {tab}: {p}"));
        }

        var observer = await OpenAsync("observer", 360, 740);
        problems.AddRange((await observer.EvaluateAsync<string[]>(LayoutProblems)).Select(p => $"observer: {p}"));

        await Expect(dm.GetByTestId("dm-viewas")).ToBeVisibleAsync();
        Assert.That(problems, Is.Empty);
    }
}
