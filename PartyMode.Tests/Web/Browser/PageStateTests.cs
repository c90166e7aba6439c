using System.Text.Json.Nodes;
using PartyMode.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The page state (static/js/state.js) is the one home of action statuses: chip and storage move together.</summary>
public sealed class PageStateTests : BrowserTestBase
{
    private const string StoredStatuses =
        "() => { const k = Object.keys(localStorage).find(x => x.endsWith(':thorin:status')); return k ? localStorage.getItem(k) : null; }";

    [Test]
    public async Task ActionStatusFrame_UpdatesChipAndStoredStatus_AndAReloadShowsItWithoutAsking()
    {
        var page = await OpenAsync("thorin");
        var said = "I lift the trapdoor an inch " + Guid.NewGuid().ToString("N")[..6];
        await SayAsync(page, said);
        var chip = MyAction(page, said).GetByTestId("action-status");
        await Expect(chip).ToHaveTextAsync("Queued");

        var next = await Dm.PostAsync("/api/dm/actions/next");
        var id = (string)next!["action"]!["id"]!;

        await Expect(chip).ToHaveTextAsync("The DM is considering it");
        await Expect(chip).ToHaveAttributeAsync("data-status", "processing");
        Assert.That(StatusOf(await page.EvaluateAsync<string?>(StoredStatuses), id), Is.EqualTo("processing"));

        // The reload may not ask the server: the stored event says pending, only the stored status says processing.
        var asked = 0;
        await page.RouteAsync("**/api/actions/**", route =>
        {
            Interlocked.Increment(ref asked);
            return route.AbortAsync();
        });
        await page.ReloadAsync();
        await Expect(page.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        await Expect(MyAction(page, said).GetByTestId("action-status")).ToHaveTextAsync("The DM is considering it");
        await Expect(MyAction(page, said)).ToHaveCountAsync(1);
        await Poll.UntilAsync(() => Volatile.Read(ref asked) > 0, "the reloaded page to ask about its open action");
        await page.UnrouteAsync("**/api/actions/**");

        await Dm.PostAsync($"/api/dm/actions/{id}/cancel", new { reason = "The trapdoor is nailed shut." });

        await Expect(MyAction(page, said).GetByTestId("action-status")).ToHaveTextAsync("Refused: The trapdoor is nailed shut.");
        var stored = JsonNode.Parse(await page.EvaluateAsync<string?>(StoredStatuses) ?? "{}")![id]!;
        Assert.That((string?)stored["status"], Is.EqualTo("cancelled"));
        Assert.That((string?)stored["reason"], Is.EqualTo("The trapdoor is nailed shut."));
    }

    private static string? StatusOf(string? json, string id) =>
        json is null ? null : (string?)JsonNode.Parse(json)?[id]?["status"];
}
