using Microsoft.Playwright;
using PartyMode.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static PartyMode.Tests.Web.Browser.AxeCheck;

namespace PartyMode.Tests.Web.Browser;

public sealed class ScreenshotAndAxeTests : BrowserTestBase
{
    private static readonly string[] Thorin = ["thorin"];
    private static readonly string[] Poisoned = ["poisoned"];
    private static readonly string[] DmTabs = ["table", "chars", "combat", "seats", "viewas", "handouts"];

    [Test]
    public async Task Views_WithSomeStory_AreCapturedAndPassAxe()
    {
        await PlayARoundAsync();
        var shots = new List<string>();
        var problems = new List<string>();

        var phone = await OpenAsync("thorin", 375, 812);
        await Expect(Feed(phone)).ToContainTextAsync("The barkeep");
        shots.Add(await ShotAsync(phone, "player-375x812.png"));
        problems.AddRange(await SeriousViolationsAsync(phone, "player"));
        await phone.GetByTestId("open-sheet").ClickAsync();
        await Expect(phone.GetByTestId("sheet")).ToBeVisibleAsync();
        shots.Add(await ShotAsync(phone, "player-sheet-375x812.png"));
        problems.AddRange(await SeriousViolationsAsync(phone, "player sheet"));

        var small = await OpenAsync("thorin", 320, 568);
        await Expect(Feed(small)).ToContainTextAsync("The barkeep");
        shots.Add(await ShotAsync(small, "player-320x568.png"));
        problems.AddRange(await SeriousViolationsAsync(small, "player 320 px"));

        var desk = await OpenAsync("elara", 1280, 800);
        await Expect(Feed(desk)).ToContainTextAsync("The barkeep");
        shots.Add(await ShotAsync(desk, "player-1280x800.png"));

        var tv = await OpenAsync("observer", 1280, 800);
        await Expect(Feed(tv)).ToContainTextAsync("The barkeep");
        shots.Add(await ShotAsync(tv, "observer-1280x800.png"));
        problems.AddRange(await SeriousViolationsAsync(tv, "observer"));

        var dm = await OpenAsync("dm", 1280, 800);
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync("I order an ale");
        await dm.GetByTestId("dm-take-next").ClickAsync();
        await Expect(dm.GetByTestId("dm-editor")).ToBeVisibleAsync();
        shots.Add(await ShotAsync(dm, "dm-1280x800.png"));
        problems.AddRange(await SeriousViolationsAsync(dm, "dm"));

        foreach (var tab in DmTabs)
        {
            await dm.GetByTestId($"tab-{tab}").ClickAsync();
            await Expect(dm.GetByTestId($"dm-{tab}")).ToBeVisibleAsync();
            problems.AddRange(await SeriousViolationsAsync(dm, $"dm {tab} tab"));
        }

        await dm.GetByTestId("tab-seats").ClickAsync();
        await dm.GetByTestId("qr-btn-thorin").ClickAsync();
        await Expect(dm.GetByTestId("qr-thorin")).ToBeVisibleAsync();
        shots.Add(await ShotAsync(dm, "dm-seats-1280x800.png"));
        await dm.GetByTestId("tab-viewas").ClickAsync();
        await dm.GetByTestId("viewas-seat").SelectOptionAsync("thorin");
        await dm.GetByTestId("viewas-show").ClickAsync();
        await Expect(dm.GetByTestId("viewas-feed")).ToContainTextAsync("His hands shake");
        shots.Add(await ShotAsync(dm, "dm-viewas-1280x800.png"));
        problems.AddRange(await SeriousViolationsAsync(dm, "dm view-as with content"));

        var dmPhone = await OpenAsync("dm", 375, 812);
        shots.Add(await ShotAsync(dmPhone, "dm-375x812.png"));

        await dmPhone.GotoAsync(Server.LocalUrl + "/");
        await Expect(dmPhone.GetByTestId("join-form")).ToBeVisibleAsync();
        shots.Add(await ShotAsync(dmPhone, "landing-375x812.png"));
        problems.AddRange(await SeriousViolationsAsync(dmPhone, "landing"));

        Assert.That(problems, Is.Empty);
        Assert.That(shots.Select(f => new FileInfo(f).Length), Has.All.GreaterThan(5_000));
    }

    private async Task PlayARoundAsync()
    {
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "The barkeep wipes a glass and watches the door. Rain hammers the shutters." });
        await Dm.PostAsync("/api/dm/whisper", new { to = Thorin, text = "You recognise the hooded stranger: he owes you money." });
        await Dm.PostAsync("/api/dm/roll", new { expr = "1d20+2", visibility = "private", @for = "thorin", label = "Insight" });
        await Dm.PatchAsync("/api/dm/characters/elara", new { conditions = Poisoned });
        using var thorinHttp = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) };
        thorinHttp.DefaultRequestHeaders.Authorization = new("Bearer", Server.TokenFor("thorin"));
        using var first = await thorinHttp.PostAsync("/api/actions", System.Net.Http.Json.JsonContent.Create(new { text = "I walk up to the bar and ask about the old mill." }));
        Assert.That(first.IsSuccessStatusCode, Is.True);
        var next = await Dm.PostAsync("/api/dm/actions/next");
        await Dm.PostAsync($"/api/dm/actions/{(string)next!["action"]!["id"]!}/resolve", new
        {
            narrative = "\"Nobody goes there any more,\" the barkeep mutters, and turns away.",
            @private = new Dictionary<string, string> { ["thorin"] = "His hands shake as he says it." },
        });
        using var second = await thorinHttp.PostAsync("/api/actions", System.Net.Http.Json.JsonContent.Create(new { text = "I order an ale and sit by the fire." }));
        Assert.That(second.IsSuccessStatusCode, Is.True);
        await Dm.PostAsync("/api/dm/combat/start", new
        {
            combatants = new object[]
            {
                new { id = "thorin", name = "Thorin", initiative = 17, kind = "pc" },
                new { id = "bandit", name = "Bandit captain", initiative = 14, kind = "npc", hp = 30, max_hp = 30, ac = 15 },
                new { id = "elara", name = "Elara", initiative = 11, kind = "pc" },
                new { id = "vex", name = "Vex", initiative = 8, kind = "pc" },
            },
        });
    }

    private static async Task<string> ShotAsync(IPage page, string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }
}
