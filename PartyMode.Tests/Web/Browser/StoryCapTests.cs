using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>A 2,000-event evening: a bounded DOM, "load earlier" paging backwards, catch-ups in one batch (#16).</summary>
public sealed class StoryCapTests : BrowserTestBase
{
    private const int Evening = 2000;

    private async Task NarrateManyAsync(int count, string prefix)
    {
        for (var start = 0; start < count; start += 20)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(20, count - start))
                .Select(i => Dm.PostAsync("/api/dm/narrate", new { narrative = $"{prefix} {i:0000}: the candles burn lower." })));
        }
    }

    private static Task<int> MessagesAsync(IPage page) => page.Locator("#feed > [data-seq]").CountAsync();

    [Test]
    public async Task TwoThousandEvents_Live_KeepTheDomBounded_AndLoadEarlierBringsOlderBack()
    {
        var page = await OpenAsync("thorin");
        await NarrateManyAsync(Evening, "Tale");
        await Expect(Feed(page)).ToContainTextAsync($"Tale {Evening - 1:0000}");
        // Every write reached the page (the last one is there); the DOM holds only the newest messages.
        Assert.That(await MessagesAsync(page), Is.InRange(100, 150));
        var nodes = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
        Assert.That(nodes, Is.LessThan(1500), "nodes in the whole page");

        var firstBefore = await page.Locator("#feed > [data-seq]").First.GetAttributeAsync("data-seq");
        await page.GetByTestId("load-earlier").ClickAsync();
        await Expect(page.Locator("#feed > [data-seq]").First).Not.ToHaveAttributeAsync("data-seq", firstBefore!);
        var firstAfter = long.Parse((await page.Locator("#feed > [data-seq]").First.GetAttributeAsync("data-seq"))!);
        Assert.That(firstAfter, Is.LessThan(long.Parse(firstBefore!)));
    }

    [Test]
    public async Task NewDevice_LoadEarlier_PagesBackPastTheNewestHundred()
    {
        await NarrateManyAsync(260, "Old");
        var page = await OpenAsync("vex");
        await Expect(Feed(page)).ToContainTextAsync("Old 0259");
        await Expect(Feed(page)).Not.ToContainTextAsync("Old 0100:");
        for (var i = 0; i < 4 && !await Feed(page).GetByText("Old 0100:").IsVisibleAsync(); i++)
        {
            await page.GetByTestId("load-earlier").ClickAsync();
            await Expect(page.GetByTestId("load-earlier")).ToBeEnabledAsync();
        }

        await Expect(Feed(page)).ToContainTextAsync("Old 0100:");
    }

    [Test]
    public async Task MissedTwoThousand_CatchUpRendersTheNewestOnly_AndSaysSoOnce()
    {
        var blocked = 0;
        IWebSocketRoute? current = null;
        var page = await OpenAsync("gorm", beforeJoin: p => p.RouteWebSocketAsync("**/ws", ws =>
        {
            if (Volatile.Read(ref blocked) == 1)
            {
                _ = ws.CloseAsync(new WebSocketRouteCloseOptions { Code = 1013, Reason = "test: away" });
                return;
            }

            current = ws;
            ws.ConnectToServer();
        }));
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "Before the break." });
        await Expect(Feed(page)).ToContainTextAsync("Before the break.");
        Volatile.Write(ref blocked, 1);
        await current!.CloseAsync(new WebSocketRouteCloseOptions { Code = 1013, Reason = "test: drop" });
        await Expect(page.GetByTestId("conn")).Not.ToHaveAttributeAsync("data-state", "online");
        await NarrateManyAsync(Evening, "Missed");
        Volatile.Write(ref blocked, 0);
        await page.GetByTestId("conn").ClickAsync();
        await Expect(Feed(page)).ToContainTextAsync($"Missed {Evening - 1:0000}", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("notice-restored")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("notice-restored")).ToContainTextAsync("missed messages restored");
        Assert.That(await MessagesAsync(page), Is.LessThanOrEqualTo(150));
        await Expect(page.Locator("#toast")).Not.ToContainTextAsync("restored");
    }
}
