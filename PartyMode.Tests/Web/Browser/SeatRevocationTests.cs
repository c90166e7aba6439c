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
}
