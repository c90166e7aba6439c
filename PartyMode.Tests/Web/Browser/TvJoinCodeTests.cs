using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The TV lobby with <c>serve --tv-join-codes</c>.</summary>
public sealed class TvJoinCodeTests : BrowserTestBase
{
    protected override bool TvJoinCodes => true;

    [Test]
    public async Task Lobby_WithJoinCodes_ShowsAQrForEachSeatNotYetConnected()
    {
        await OpenAsync("elara");
        var tv = await OpenAsync("observer", 1920, 1080);
        await Expect(tv.GetByTestId("tv-joined")).ToHaveTextAsync("1 of 4 joined");
        await Expect(tv.GetByTestId("tv-qr")).ToHaveCountAsync(3);
        await Expect(tv.GetByTestId("tv-seat").Filter(new() { HasText = "Elara" }).GetByTestId("tv-qr")).ToHaveCountAsync(0);
        await Expect(tv.GetByTestId("tv-qr").First).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
    }
}
