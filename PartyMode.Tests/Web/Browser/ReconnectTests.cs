using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

public sealed class ReconnectTests : BrowserTestBase
{
    [Test]
    public async Task ServerRestart_WhileEventsHappen_RestoresMissedMessages()
    {
        // The socket goes through Playwright's WebSocket routing so the test decides when the
        // page may reach the restarted server: the missed events are then a replay, never live.
        var blocked = 0;
        var page = await OpenAsync("thorin", beforeJoin: p => p.RouteWebSocketAsync("**/ws", ws =>
        {
            if (Volatile.Read(ref blocked) == 1)
            {
                _ = ws.CloseAsync(new WebSocketRouteCloseOptions { Code = 1013, Reason = "test: unreachable" });
                return;
            }

            ws.ConnectToServer();
        }));
        var before = "The fire crackles " + Guid.NewGuid().ToString("N")[..6];
        await Dm.PostAsync("/api/dm/narrate", new { narrative = before });
        await Expect(Feed(page)).ToContainTextAsync(before);
        var seen = await Dm.GetAsync("/api/events?as=thorin&after=0&limit=1000");
        var lastSeen = (long)seen!["last_seq"]!;

        Volatile.Write(ref blocked, 1);
        var missed = Enumerable.Range(1, 3).Select(i => $"While you were away, part {i} " + Guid.NewGuid().ToString("N")[..6]).ToArray();
        await RestartServerAsync(async () =>
        {
            await Expect(page.GetByTestId("conn")).Not.ToHaveAttributeAsync("data-state", "online");
            foreach (var line in missed)
            {
                await Dm.PostAsync("/api/dm/narrate", new { narrative = line });
            }
        });
        var gap = await Dm.GetAsync($"/api/events?as=thorin&after={lastSeen}&limit=1000");
        var expectedCount = gap!["events"]!.AsArray().Count;
        Assert.That(expectedCount, Is.GreaterThanOrEqualTo(missed.Length));

        Volatile.Write(ref blocked, 0);

        await Expect(page.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online", new() { Timeout = 45_000 });
        await Expect(page.GetByTestId("notice-restored")).ToHaveTextAsync(
            expectedCount == 1 ? "1 missed message restored" : $"{expectedCount} missed messages restored");
        foreach (var line in missed)
        {
            await Expect(Feed(page).GetByText(line)).ToHaveCountAsync(1);
        }

        await Expect(Feed(page).GetByText(before)).ToHaveCountAsync(1);
    }

    [Test]
    public async Task LongAbsence_OverReplayLimit_ResyncsThroughEventsApi()
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
        Volatile.Write(ref blocked, 1);
        await current!.CloseAsync(new WebSocketRouteCloseOptions { Code = 1013, Reason = "test: drop" });
        await Expect(page.GetByTestId("conn")).Not.ToHaveAttributeAsync("data-state", "online");

        // More than the 1,000 a socket replays: the server answers with resync instead.
        const int Missed = 1_010;
        for (var i = 0; i < Missed; i++)
        {
            await Dm.PostAsync("/api/dm/narrate", new { narrative = $"Tick {i:D4} of the long night." });
        }

        var pages = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/events?after=", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref pages);
            }
        };
        Volatile.Write(ref blocked, 0);
        await page.GetByTestId("conn").ClickAsync();

        await Expect(page.GetByTestId("notice-restored")).ToHaveTextAsync($"{Missed} missed messages restored", new() { Timeout = 60_000 });
        Assert.That(Volatile.Read(ref pages), Is.GreaterThan(0), "the page should have paged /api/events after a resync");
        await Expect(Feed(page).GetByText($"Tick {Missed - 1:D4} of the long night.")).ToHaveCountAsync(1);
        // The DOM is bounded (#16): the oldest missed lines are behind "Load earlier messages".
        await Expect(page.GetByTestId("load-earlier")).ToBeVisibleAsync();
        Assert.That(await page.Locator("#feed > [data-seq]").CountAsync(), Is.LessThanOrEqualTo(150));
        // Each drawn line once: the newest 150, no doubles.
        var ticks = await Feed(page).Locator("[data-testid=msg-narrative]").Filter(new() { HasText = "of the long night." }).AllInnerTextsAsync();
        Assert.That(ticks, Is.Unique);
        Assert.That(ticks, Has.Count.EqualTo(150));
    }
}
