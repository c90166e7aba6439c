using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

public sealed class SeatRevocationTests : BrowserTestBase
{
    [Test]
    public async Task Kick_ByDm_TellsThePlayerTheyWereRemoved()
    {
        var vex = await OpenAsync("vex");
        var thorin = await OpenAsync("thorin");

        await Dm.PostAsync("/api/dm/seats/vex/kick");

        await Expect(vex.GetByTestId("fatal")).ToContainTextAsync("The DM removed you");
        await Expect(vex.GetByTestId("action-form")).ToBeHiddenAsync();
        await Expect(thorin.GetByTestId("fatal")).ToBeHiddenAsync();
        await Expect(thorin.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
    }

    [Test]
    public async Task TokenRefresh_ByDm_TellsTheOldLinkIsNoLongerValid()
    {
        var gorm = await OpenAsync("gorm");

        var fresh = await Dm.PostAsync("/api/dm/seats/gorm/token");

        await Expect(gorm.GetByTestId("fatal")).ToContainTextAsync("no longer valid");
        Assert.That((string?)fresh?["token"], Is.Not.Empty);
    }

    [Test]
    public async Task Feed_WhenReaderScrolledUp_ShowsNewMessagesPillInsteadOfJumping()
    {
        var thorin = await OpenAsync("thorin");
        for (var i = 0; i < 12; i++)
        {
            await Dm.PostAsync("/api/dm/narrate", new { narrative = $"Line {i}: the wind howls through the rafters and the shutters bang against the frame." });
        }

        await Expect(Feed(thorin)).ToContainTextAsync("Line 11:");
        await Feed(thorin).EvaluateAsync("el => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); }");
        var late = "A late arrival stamps the snow off his boots " + Guid.NewGuid().ToString("N")[..6];
        await Dm.PostAsync("/api/dm/narrate", new { narrative = late });

        await Expect(thorin.GetByTestId("new-pill")).ToBeVisibleAsync();
        await Expect(thorin.GetByTestId("new-pill")).ToContainTextAsync("1 new message");
        await thorin.GetByTestId("new-pill").ClickAsync();
        await Expect(Feed(thorin).GetByText(late)).ToBeInViewportAsync();
        await Expect(thorin.GetByTestId("new-pill")).ToBeHiddenAsync();
    }

    [Test]
    public async Task NinthTab_OnOnePlayerSeat_IsAskedToCloseOne()
    {
        var first = await OpenAsync("elara");
        var tabs = new List<Microsoft.Playwright.IPage> { first };
        for (var i = 1; i < 8; i++)
        {
            var tab = await first.Context.NewPageAsync();
            await tab.GotoAsync($"{Server.LocalUrl}/play?token={Uri.EscapeDataString(Server.TokenFor("elara"))}");
            await Expect(tab.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
            tabs.Add(tab);
        }

        var ninth = await first.Context.NewPageAsync();
        await ninth.GotoAsync($"{Server.LocalUrl}/play?token={Uri.EscapeDataString(Server.TokenFor("elara"))}");

        await Expect(ninth.GetByTestId("fatal")).ToContainTextAsync("too many tabs");
        await Expect(ninth.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();
        await Expect(tabs[^1].GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");

        await tabs[^1].CloseAsync();
        await PartyMode.Tests.Support.Poll.UntilAsync(
            async () =>
            {
                var status = await Dm.GetAsync("/api/dm/status");
                var seat = status!["seats"]!.AsArray().Single(x => (string?)x?["seat"] == "elara");
                return (int)seat!["connections"]! < 8;
            },
            "the closed tab's socket to be counted out");
        await ninth.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(ninth.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        await Expect(ninth.GetByTestId("fatal")).ToBeHiddenAsync();
    }
}
