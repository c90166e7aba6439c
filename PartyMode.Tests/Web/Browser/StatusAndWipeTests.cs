using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>True statuses after any reload, and a removed seat's screen wiped (#16).</summary>
public sealed class StatusAndWipeTests : BrowserTestBase
{
    private static readonly string[] Thorin = ["thorin"];

    private async Task<string> SubmitAsync(string seat, string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Server.TokenFor(seat));
        using var sent = await http.PostAsync("/api/actions", JsonContent.Create(new { text }));
        var body = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
        Assert.That(sent.IsSuccessStatusCode, Is.True, body.ToJsonString());
        return (string)body["action"]!["id"]!;
    }

    private static ILocator Chip(IPage page, string actionId) =>
        page.Locator($"#feed [data-action-id='{actionId}'] [data-testid=action-status]");

    [Test]
    public async Task DmStoryAndViewAs_AfterAReload_ShowResolvedRefusedAndKickCancelledTruly()
    {
        var resolved = await SubmitAsync("thorin", "I ask the barkeep about the mill.");
        var refused = await SubmitAsync("thorin", "I steal the whole tavern.");
        var kicked = await SubmitAsync("gorm", "I wander off.");
        var open = await SubmitAsync("elara", "I watch the door.");
        var next = await Dm.PostAsync("/api/dm/actions/next");
        Assert.That((string)next!["action"]!["id"]!, Is.EqualTo(resolved));
        await Dm.PostAsync($"/api/dm/actions/{resolved}/resolve", new { narrative = "Nobody goes there any more." });
        await Dm.PostAsync($"/api/dm/actions/{refused}/cancel", new { reason = "Too much" });
        await Dm.PostAsync("/api/dm/seats/gorm/kick");

        var dm = await OpenAsync("dm", 1280, 800); // the story is always on screen at this width
        await Expect(Chip(dm, resolved)).ToHaveTextAsync("Done");
        await Expect(Chip(dm, refused)).ToContainTextAsync("Refused");
        await Expect(Chip(dm, kicked)).ToContainTextAsync("Refused");
        await Expect(Chip(dm, open)).ToHaveTextAsync("Queued");
        await dm.ReloadAsync();
        await Expect(Chip(dm, refused)).ToContainTextAsync("Refused");
        await Expect(Chip(dm, resolved)).ToHaveTextAsync("Done");

        await dm.GetByTestId("tab-viewas").ClickAsync();
        await dm.GetByTestId("viewas-seat").SelectOptionAsync("thorin");
        await dm.GetByTestId("viewas-show").ClickAsync();
        var viewAs = dm.GetByTestId("viewas-feed");
        await Expect(viewAs.Locator($"[data-action-id='{resolved}'] [data-testid=action-status]")).ToHaveTextAsync("Done");
        await Expect(viewAs.Locator($"[data-action-id='{refused}'] [data-testid=action-status]")).ToContainTextAsync("Refused");
    }

    [Test]
    public async Task PlayerOnANewDevice_ShowsTheServersStatusNotTheSubmittedOne()
    {
        var refused = await SubmitAsync("thorin", "I try to pick the lock.");
        var done = await SubmitAsync("thorin", "I look around.");
        await Dm.PostAsync($"/api/dm/actions/{refused}/cancel", new { reason = "The lock is magical" });
        await Dm.PostAsync("/api/dm/actions/next"); // the refused one is gone; this takes "I look around"
        await Dm.PostAsync($"/api/dm/actions/{done}/resolve", new { narrative = "Dust everywhere." });

        var page = await OpenAsync("thorin");
        await Expect(Chip(page, refused)).ToHaveTextAsync("Refused: The lock is magical");
        await Expect(Chip(page, done)).ToHaveTextAsync("Done");
        await page.ReloadAsync();
        await Expect(Chip(page, refused)).ToHaveTextAsync("Refused: The lock is magical");
        await Expect(page.GetByTestId("action-status").Filter(new() { HasText = "Queued" })).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Kick_WipesStorySecretsAndSheetFromTheScreen_AndTheNoteSurvivesAReload()
    {
        const string Secret = "The idol is a fake; only you know.";
        await Dm.PostAsync("/api/dm/whisper", new { to = Thorin, text = Secret });
        var page = await OpenAsync("thorin");
        await Expect(page.GetByTestId("secrets")).ToContainTextAsync(Secret);
        await page.GetByTestId("open-sheet").ClickAsync();
        await Expect(page.GetByTestId("sheet")).ToBeVisibleAsync();

        await Dm.PostAsync("/api/dm/seats/thorin/kick");
        await Expect(page.GetByTestId("fatal")).ToContainTextAsync("The DM removed you");
        await Expect(page.GetByTestId("sheet")).ToBeHiddenAsync();
        Assert.That(await page.EvaluateAsync<string>("() => document.body.innerText"), Does.Not.Contain(Secret));
        Assert.That(await page.Locator("#feed [data-seq], #secrets [data-seq], #party li").CountAsync(), Is.Zero);
        await Expect(page.GetByTestId("charbar")).ToBeHiddenAsync();

        await page.ReloadAsync();
        await Expect(page.GetByTestId("fatal")).ToContainTextAsync("The DM removed you");
        Assert.That(await page.EvaluateAsync<string>("() => document.body.innerText + JSON.stringify(localStorage)"), Does.Not.Contain(Secret));
    }

    [Test]
    public async Task TokenRefresh_WipesTheScreen_AndSaysTheLinkIsNoLongerValidAfterAReload()
    {
        const string Secret = "Your ring hums near the well.";
        await Dm.PostAsync("/api/dm/whisper", new { to = new[] { "elara" }, text = Secret });
        var page = await OpenAsync("elara");
        await Expect(page.GetByTestId("secrets")).ToContainTextAsync(Secret);
        await Dm.PostAsync("/api/dm/seats/elara/token");
        await Expect(page.GetByTestId("fatal")).ToContainTextAsync("no longer valid");
        Assert.That(await page.EvaluateAsync<string>("() => document.body.innerText"), Does.Not.Contain(Secret));
        await page.ReloadAsync();
        await Expect(page.GetByTestId("fatal")).ToContainTextAsync("no longer valid");
    }
}
