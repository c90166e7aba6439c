using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static PartyMode.Tests.Web.Browser.AxeCheck;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The handout viewer where users are (small phone, keyboard open, 200 % text, dark, forced colours) and after a dropped connection.</summary>
public sealed class HandoutLayoutTests : HandoutTestBase
{
    [TestCase(320, 568)]
    [TestCase(375, 450)]
    public async Task Viewer_OnASmallScreen_KeepsCloseAndTheWholeImageOnScreen(int width, int height)
    {
        var vex = await OpenAsync("vex", width, height);
        await vex.GetByTestId("action-text").FocusAsync(); // the keyboard is open when it arrives
        var id = await UploadAsync(TestImage.Png(900, 600), "The ford at dusk", "image/png");
        await Dm.PostAsync($"/api/dm/handouts/{id}/show", new { text = "Reeds, a broken cart, and footprints leading north." });
        await ExpectImageAsync(vex.GetByTestId("handout-image"), 900);
        await Expect(vex.GetByTestId("handout-close")).ToBeFocusedAsync();

        foreach (var textSize in new[] { "100%", "200%" })
        {
            await vex.EvaluateAsync($"() => {{ document.documentElement.style.fontSize = '{textSize}'; }}");
            await ShotAsync(vex, $"handout-phone-{width}x{height}-text{textSize.TrimEnd('%')}.png");
            var close = await vex.GetByTestId("handout-close").BoundingBoxAsync();
            Assert.That(close, Is.Not.Null);
            Assert.That((close!.X >= 0, close.X + close.Width <= width + 0.5, close.Y >= 0, close.Y + close.Height <= height + 0.5), Is.EqualTo((true, true, true, true)), $"Close is on screen at {textSize}");
            Assert.That(close.Height, Is.GreaterThanOrEqualTo(43.5));
            var img = await vex.GetByTestId("handout-image").BoundingBoxAsync();
            Assert.That((img!.X >= -0.5, img.X + img.Width <= width + 0.5, img.Y >= -0.5, img.Y + img.Height <= height + 0.5), Is.EqualTo((true, true, true, true)), $"the whole image shows at {textSize}");
        }
    }

    [Test]
    public async Task Viewer_DarkLightAndForcedColours_AreCapturedAndPassAxe()
    {
        var thorin = await OpenAsync("thorin");
        var tv = await OpenAsync("observer", 1920, 1080);
        var id = await UploadAsync(TestImage.Png(480, 640, 170, 150, 120), "Wanted: the Grey Chancellor", "image/png");
        await Dm.PostAsync($"/api/dm/handouts/{id}/show", new { text = "Reward: 500 gold crowns." });
        await ExpectImageAsync(thorin.GetByTestId("handout-image"), 480);
        await ExpectImageAsync(tv.GetByTestId("tv-handout-image"), 480);
        var problems = new List<string>();
        foreach (var (scheme, forced, name) in new[] { (ColorScheme.Dark, ForcedColors.None, "dark"), (ColorScheme.Light, ForcedColors.None, "light"), (ColorScheme.Dark, ForcedColors.Active, "forced") })
        {
            foreach (var page in new[] { thorin, tv })
            {
                await page.EmulateMediaAsync(new() { ColorScheme = scheme, ForcedColors = forced });
            }

            await ShotAsync(thorin, $"handout-phone-375x812-{name}.png");
            await ShotAsync(tv, $"handout-tv-1920x1080-{name}.png");
            problems.AddRange(await SeriousViolationsAsync(thorin, $"phone viewer {name}"));
            problems.AddRange(await SeriousViolationsAsync(tv, $"tv {name}"));
            var colours = await thorin.GetByTestId("handout-close").EvaluateAsync<string[]>("b => { const s = getComputedStyle(b); return [s.color, s.backgroundColor]; }");
            Assert.That(colours[0], Is.Not.EqualTo(colours[1]), $"Close is readable ({name})");
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task MissedHandouts_AfterADroppedConnection_OpenTheNewestOnce()
    {
        // The socket goes through Playwright's routing: while "blocked" new sockets close at once,
        // so the handouts shown meanwhile arrive as a replay.
        var blocked = 0;
        IWebSocketRoute? live = null;
        var gorm = await OpenAsync("gorm", beforeJoin: p => p.RouteWebSocketAsync("**/ws", ws =>
        {
            if (Volatile.Read(ref blocked) == 1)
            {
                _ = ws.CloseAsync(new WebSocketRouteCloseOptions { Code = 1013, Reason = "test: unreachable" });
                return;
            }

            ws.ConnectToServer();
            live = ws;
        }));
        var letter = await UploadAsync(TestImage.Gif(200, 260), "A torn letter");
        var map = await UploadAsync(TestImage.Png(360, 240), "The smugglers' route", "image/png");

        Volatile.Write(ref blocked, 1);
        await live!.CloseAsync(new WebSocketRouteCloseOptions { Code = 1001, Reason = "test: gone" });
        await Expect(gorm.GetByTestId("conn")).Not.ToHaveAttributeAsync("data-state", "online");
        await Dm.PostAsync($"/api/dm/handouts/{letter}/show", new { audience = "party" });
        await Dm.PostAsync($"/api/dm/handouts/{map}/show", new { audience = "party" });
        Volatile.Write(ref blocked, 0);

        await Expect(gorm.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online", new() { Timeout = 45_000 });
        await Expect(gorm.GetByTestId("handout-title")).ToHaveTextAsync("The smugglers' route");
        await ExpectImageAsync(gorm.GetByTestId("handout-image"), 360);
        await Expect(Feed(gorm).GetByTestId("msg-handout")).ToHaveCountAsync(2);
        await gorm.GetByTestId("handout-close").ClickAsync();
        await gorm.GetByTestId("tab-handouts").ClickAsync();
        var titles = await gorm.GetByTestId("handout-item").Locator(".ho-item-title").AllTextContentsAsync();
        Assert.That(titles, Is.EqualTo(new[] { "The smugglers' route", "A torn letter" }), "newest first");
    }
}
