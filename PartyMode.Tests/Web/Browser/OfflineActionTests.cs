using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

public sealed class OfflineActionTests : BrowserTestBase
{
    [Test]
    public async Task Action_SentOfflineThenPageReloaded_SurvivesAndIsQueuedOnce()
    {
        var blocked = 0;
        IWebSocketRoute? current = null;
        var page = await OpenAsync("elara", beforeJoin: p => p.RouteWebSocketAsync("**/ws", ws =>
        {
            if (Volatile.Read(ref blocked) == 1)
            {
                _ = ws.CloseAsync(new WebSocketRouteCloseOptions { Code = 1013, Reason = "test: offline" });
                return;
            }

            current = ws;
            ws.ConnectToServer();
        }));
        // Offline: the socket drops and the HTTP fallback cannot reach the server either.
        await page.RouteAsync("**/api/actions", route => route.AbortAsync());
        Volatile.Write(ref blocked, 1);
        await current!.CloseAsync(new WebSocketRouteCloseOptions { Code = 1013, Reason = "test: drop" });
        await Expect(page.GetByTestId("conn")).Not.ToHaveAttributeAsync("data-state", "online");

        var said = "I cast light on my staff " + Guid.NewGuid().ToString("N")[..6];
        await SayAsync(page, said);
        var local = Feed(page).Locator("[data-client-id]").Filter(new() { HasText = said });
        await Expect(local.GetByTestId("action-status")).ToHaveTextAsync("Waiting for connection…");

        await page.ReloadAsync();
        await Expect(local.GetByTestId("action-status")).ToHaveTextAsync("Waiting for connection…");

        Volatile.Write(ref blocked, 0);
        await page.UnrouteAsync("**/api/actions");
        await page.GetByTestId("conn").ClickAsync();

        await Expect(MyAction(page, said).GetByTestId("action-status")).ToHaveTextAsync("Queued", new() { Timeout = 45_000 });
        await Expect(Feed(page).GetByText(said)).ToHaveCountAsync(1);
        var pending = await Dm.GetAsync("/api/dm/actions?status=pending");
        var same = pending!["actions"]!.AsArray().Count(a => (string?)a?["text"] == said);
        Assert.That(same, Is.EqualTo(1));
    }

    [Test]
    public async Task Action_CancelledByTheDm_ShowsTheDmsReason()
    {
        var page = await OpenAsync("vex");
        var said = "I steal the barkeep's keys " + Guid.NewGuid().ToString("N")[..6];
        await SayAsync(page, said);
        await Expect(MyAction(page, said).GetByTestId("action-status")).ToHaveTextAsync("Queued");
        var pending = await Dm.GetAsync("/api/dm/actions?status=pending");
        var id = pending!["actions"]!.AsArray().OfType<JsonNode>().Single(a => (string?)a["text"] == said)["id"]!.GetValue<string>();

        await Dm.PostAsync($"/api/dm/actions/{id}/cancel", new { reason = "The keys are on a chain around her neck." });

        await Expect(MyAction(page, said).GetByTestId("action-status")).ToHaveTextAsync("Refused: The keys are on a chain around her neck.");
    }
}
