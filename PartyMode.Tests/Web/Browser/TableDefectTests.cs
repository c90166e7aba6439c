using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The small defects of #16, each at the viewport where it showed, and whispers out of turn.</summary>
public sealed class TableDefectTests : BrowserTestBase
{
    private static readonly object[] Fight =
    [
        new { id = "thorin", name = "Thorin", initiative = 20, kind = "pc" },
        new { id = "goblin", name = "Goblin", initiative = 15, kind = "npc", hp = 7, max_hp = 7, ac = 13 },
        new { id = "elara", name = "Elara", initiative = 10, kind = "pc" },
    ];

    [Test]
    public async Task RightToLeftOverride_StaysInsideItsMessage()
    {
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "\u202Eevil override" });
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "The next line reads normally." });
        var page = await OpenAsync("thorin", 375, 812);
        await Expect(Feed(page)).ToContainTextAsync("The next line reads normally.");
        var dirs = await page.Locator("#feed .msg .text").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('dir') + ':' + getComputedStyle(e).unicodeBidi)");
        Assert.That(dirs, Has.All.StartsWith("auto:"));
        Assert.That(dirs, Has.All.Match("isolate|plaintext"));
    }

    [Test]
    public async Task CachedStory_AfterAReloadWithoutTheServer_ShowsNamesNotIds()
    {
        var blocked = 0;
        var page = await OpenAsync("thorin", 375, 812, p => p.RouteWebSocketAsync("**/ws", ws =>
        {
            if (Volatile.Read(ref blocked) == 1)
            {
                _ = ws.CloseAsync(new WebSocketRouteCloseOptions { Code = 1013, Reason = "test: away" });
                return;
            }

            ws.ConnectToServer();
        }));
        var elara = await OpenAsync("elara", 375, 812);
        await SayAsync(elara, "I light a candle.");
        await Expect(Feed(page)).ToContainTextAsync("I light a candle.");
        Volatile.Write(ref blocked, 1);
        await page.ReloadAsync();
        var item = Feed(page).Locator("[data-testid=msg-action]").Filter(new() { HasText = "I light a candle." });
        await Expect(item).ToContainTextAsync("Elara");
        await Expect(item.Locator(".label")).Not.ToHaveTextAsync(new Regex("^elara"));
    }

    [Test]
    public async Task NewMessagesPill_At320Pixels_StaysOnOneLine()
    {
        for (var i = 0; i < 30; i++)
        {
            await Dm.PostAsync("/api/dm/narrate", new { narrative = $"Line {i}: the wind howls through the broken shutters of the inn." });
        }

        var page = await OpenAsync("thorin", 320, 568);
        // The catch-up is drawn in one batch after a pause (feed.js): scroll up only once it is drawn
        // (else the batch scrolls back to the end), and let the feed see the scroll at once.
        await Expect(Feed(page)).ToContainTextAsync("Line 29:");
        await Feed(page).EvaluateAsync("f => { f.scrollTop = 0; f.dispatchEvent(new Event('scroll')); }");
        for (var i = 0; i < 12; i++)
        {
            await Dm.PostAsync("/api/dm/narrate", new { narrative = $"New {i}" });
        }

        await Expect(page.GetByTestId("new-pill")).ToContainTextAsync("12 new messages");
        var box = await page.GetByTestId("new-pill").BoundingBoxAsync();
        Assert.That(box!.Height, Is.LessThan(50), "one line");
    }

    [Test]
    public async Task Whisper_OutOfTurnAndAfterActingInARound_IsAlwaysPossible()
    {
        await Dm.PostAsync("/api/dm/combat/start", new { combatants = Fight });
        var elara = await OpenAsync("elara", 375, 812);
        await Expect(elara.GetByTestId("turn-banner")).ToContainTextAsync("Waiting for Thorin");
        await Expect(elara.GetByTestId("action-text")).ToBeDisabledAsync();
        await Expect(elara.GetByTestId("whisper")).ToBeEnabledAsync();
        await elara.GetByText("Whisper to the DM").ClickAsync();
        await Expect(elara.GetByTestId("action-text")).ToBeEnabledAsync();
        await SayAsync(elara, "Psst, I slip the gem into my boot.");
        await Expect(MyAction(elara, "slip the gem").GetByTestId("action-status")).ToHaveTextAsync("Queued");

        await Dm.PostAsync("/api/dm/combat/simultaneous", new { prompt = "The floor gives way!", timeout_seconds = 120 });
        await elara.GetByText("Whisper to the DM").ClickAsync(); // off: her round answer
        await Expect(elara.GetByTestId("whisper")).Not.ToBeCheckedAsync();
        await SayAsync(elara, "I grab the rope.");
        await Expect(elara.GetByTestId("action-text")).ToBeDisabledAsync();
        // The placeholder is one short line (no clipped sentence); the reason is in the hint.
        var fits = await elara.GetByTestId("action-text").EvaluateAsync<bool>("t => { const c = document.createElement('canvas').getContext('2d'); c.font = getComputedStyle(t).font; return c.measureText(t.placeholder).width <= t.clientWidth; }");
        Assert.That(fits, Is.True, "the placeholder fits its box");
        await Expect(elara.GetByTestId("action-hint")).ToContainTextAsync("whisper");
        await elara.GetByText("Whisper to the DM").ClickAsync();
        await SayAsync(elara, "Is the rope cursed?");
        await Expect(MyAction(elara, "rope cursed").GetByTestId("action-status")).ToHaveTextAsync("Queued");
    }

    [Test]
    public async Task UnauthorizedPage_LinksBackToTheLanding()
    {
        var page = await OpenAsync("thorin", 375, 812);
        await page.GotoAsync(Server.LocalUrl + "/play?token=wrong-token");
        await Expect(page.GetByTestId("back-home")).ToHaveAttributeAsync("href", "/");
        await page.GetByTestId("back-home").ClickAsync();
        await Expect(page.GetByTestId("join-form")).ToBeVisibleAsync();
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var manifest = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        Assert.That((icon, manifest), Is.EqualTo(("/static/icon.svg", "/static/manifest.webmanifest")));
    }
}
